package dev.dsrflow.console;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * How the console reads a person from the identity provider's ID token at an OIDC login (the
 * {@code oidc} environment): the claim that names them (recorded as the actor of what they do)
 * and the claim whose values grant dsrflow's roles, with the value that grants each role. A
 * claim may be a dotted path into nested objects ({@code realm_access.roles}); its value a string
 * or a list of strings.
 *
 * @param nameClaim the person's name (env {@code DSRFLOW_CONSOLE_OIDC_NAME_CLAIM}); without it, {@code sub}
 * @param rolesClaim the roles or groups claim (env {@code DSRFLOW_CONSOLE_OIDC_ROLES_CLAIM})
 * @param privacyOps the claim value that grants PRIVACY_OPS (env {@code DSRFLOW_CONSOLE_OIDC_PRIVACY_OPS})
 * @param legal the claim value that grants LEGAL (env {@code DSRFLOW_CONSOLE_OIDC_LEGAL})
 * @param auditor the claim value that grants AUDITOR (env {@code DSRFLOW_CONSOLE_OIDC_AUDITOR})
 * @param metrics the claim value that grants METRICS (env {@code DSRFLOW_CONSOLE_OIDC_METRICS})
 */
@ConfigurationProperties("dsrflow.console.oidc")
public record OidcSettings(
        @Bindable(defaultValue = "preferred_username") @NotBlank
        String nameClaim,

        @Bindable(defaultValue = "roles") @NotBlank String rolesClaim,
        @Bindable(defaultValue = "PRIVACY_OPS") @NotBlank String privacyOps,
        @Bindable(defaultValue = "LEGAL") @NotBlank String legal,
        @Bindable(defaultValue = "AUDITOR") @NotBlank String auditor,
        @Bindable(defaultValue = "METRICS") @NotBlank String metrics) {}
