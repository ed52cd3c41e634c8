package dev.dsrflow.api.openapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header; micronaut-openapi generates the rest from the controllers. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "dsrflow",
                        version = "1",
                        description =
                                "Data-subject requests: file, steer, audit. Roles PRIVACY_OPS, LEGAL, AUDITOR, PRODUCT."
                                        + " Errors are application/problem+json (RFC 9457).",
                        license = @License(name = "Apache-2.0")),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class ApiDocumentation {
    /** Where the generated document lives on the classpath. */
    public static final String DOCUMENT = "META-INF/swagger/dsrflow-1.yml";

    private ApiDocumentation() {}
}
