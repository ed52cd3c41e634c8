package dev.dsrflow.codec;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.internal.worker.WorkflowExecutionException;
import io.temporal.payload.context.SerializationContext;
import java.lang.reflect.Type;
import java.util.Optional;
import javax.annotation.Nonnull;

/**
 * Keeps the reason of an Update that a validator refused. In SDK 1.38 a validator's exception
 * reaches {@link #exceptionToFailure} already converted (and, with failure encoding on,
 * encrypted) inside a {@link WorkflowExecutionException}, which the default conversion wraps
 * again: the caller then sees only "Encoded failure" of type {@code WorkflowExecutionException}.
 * The Update's execute path hands on the inner failure as it is; this does the same for the
 * validate path. Everything else is the wrapped converter's.
 */
final class UpdateRejectionConverter implements DataConverter {
    private final DataConverter delegate;

    UpdateRejectionConverter(DataConverter delegate) {
        this.delegate = delegate;
    }

    @Override
    public @Nonnull Failure exceptionToFailure(@Nonnull Throwable throwable) {
        if (throwable instanceof WorkflowExecutionException converted) {
            return converted.getFailure();
        }
        return delegate.exceptionToFailure(throwable);
    }

    @Override
    public @Nonnull RuntimeException failureToException(@Nonnull Failure failure) {
        return delegate.failureToException(failure);
    }

    @Override
    public @Nonnull DataConverter withContext(@Nonnull SerializationContext context) {
        return new UpdateRejectionConverter(delegate.withContext(context));
    }

    @Override
    public <T> Optional<Payload> toPayload(T value) {
        return delegate.toPayload(value);
    }

    @Override
    public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) {
        return delegate.fromPayload(payload, valueClass, valueType);
    }

    @Override
    public Optional<Payloads> toPayloads(Object... values) {
        return delegate.toPayloads(values);
    }

    @Override
    public <T> T fromPayloads(int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType) {
        return delegate.fromPayloads(index, content, valueType, valueGenericType);
    }

    @Override
    public Object[] fromPayloads(Optional<Payloads> content, Class<?>[] parameterTypes, Type[] genericParameterTypes) {
        return delegate.fromPayloads(content, parameterTypes, genericParameterTypes);
    }
}
