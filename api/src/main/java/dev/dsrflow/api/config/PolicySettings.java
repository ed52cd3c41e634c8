package dev.dsrflow.api.config;

import dev.dsrflow.model.RequestPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;

/**
 * Durations new requests are filed under; each request keeps the values it was filed with.
 *
 * @param gracePeriod deletion grace period ({@code dsrflow.deletion.grace-period} is the public name)
 * @param linkTtl download link lifetime
 * @param otherDeadline due period for jurisdiction OTHER
 * @param warningLead warning before the due date
 * @param autoApproveAll skip four-eyes approval (benchmarks only)
 * @param searchAttributes workflows publish Temporal search attributes (registered on the cluster)
 * @param eraseBudget time kept for erasure before a deletion's legal due date: a grace period
 *     never ends later than the due date less this budget
 * @param verificationCodeTtl how long a verification code mailed to a subject is good for
 * @param productBatchSize products per child workflow once a request names more than this (0: the
 *     orchestrator's default, 50); fixed in each request at filing
 */
@ConfigurationProperties("dsrflow.policy")
public record PolicySettings(
        @NotNull @Bindable(defaultValue = "30d") Duration gracePeriod,
        @NotNull @Bindable(defaultValue = "4d") Duration linkTtl,
        @NotNull @Bindable(defaultValue = "30d") Duration otherDeadline,
        @NotNull @Bindable(defaultValue = "7d") Duration warningLead,
        @Bindable(defaultValue = "false") boolean autoApproveAll,
        @Bindable(defaultValue = "false") boolean searchAttributes,
        @NotNull @Bindable(defaultValue = "7d") Duration eraseBudget,
        @NotNull @Bindable(defaultValue = "10m") Duration verificationCodeTtl,
        @PositiveOrZero @Bindable(defaultValue = "0") int productBatchSize) {

    public RequestPolicy toPolicy() {
        return new RequestPolicy(gracePeriod, linkTtl, otherDeadline, warningLead, autoApproveAll, searchAttributes)
                .withEraseBudget(eraseBudget)
                .withVerificationCodeTtl(verificationCodeTtl)
                .withProductBatchSize(productBatchSize);
    }
}
