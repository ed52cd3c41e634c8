package dev.dsrflow.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.dsrflow.api.problem.ProblemException;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.codec.AesGcmPayloadCodec;
import dev.dsrflow.codec.CodecKeys;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The codec endpoint of the Temporal UI ({@code TEMPORAL_CODEC_ENDPOINT}): the UI sends the
 * encrypted payloads it shows, dsrflow answers them decrypted — for auditors only, since
 * payloads carry subject identifiers. CORS admits only the configured UI origin.
 */
@Controller("/codec")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.AUDITOR)
@Tag(name = "codec")
class CodecController {
    private final AesGcmPayloadCodec codec;

    CodecController(CodecKeys keys) {
        this.codec = new AesGcmPayloadCodec(keys);
    }

    @Post(uri = "/decode", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Decrypt Temporal payloads for the Temporal UI (auditors only)")
    String decode(@Body String payloads) {
        return apply(payloads, p -> codec.decode(p));
    }

    @Post(uri = "/encode", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Encrypt Temporal payloads for the Temporal UI (auditors only)")
    String encode(@Body String payloads) {
        return apply(payloads, p -> codec.encode(p));
    }

    private static String apply(String json, UnaryOperator<List<io.temporal.api.common.v1.Payload>> operation) {
        Payloads.Builder in = Payloads.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(json, in);
        } catch (InvalidProtocolBufferException e) {
            throw ProblemException.invalid(
                    "payloads",
                    "must be a JSON object {\"payloads\": [{\"metadata\": {...}, \"data\": \"<base64>\"}]}");
        }
        try {
            return JsonFormat.printer()
                    .print(Payloads.newBuilder().addAllPayloads(operation.apply(in.getPayloadsList())));
        } catch (PayloadCodecException e) {
            throw ProblemException.invalid("payloads", "cannot be decrypted with the configured keys");
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
