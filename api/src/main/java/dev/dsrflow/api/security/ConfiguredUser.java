package dev.dsrflow.api.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * A user of HTTP Basic authentication, declared under {@code dsrflow.security.users.<name>}
 * with {@code password} and {@code roles} (see {@link Roles}).
 */
@EachProperty("dsrflow.security.users")
public record ConfiguredUser(@Parameter String name, @NotBlank String password, List<String> roles) {

  public ConfiguredUser {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  @Override
  public String toString() {
    return "ConfiguredUser[" + name + " " + roles() + "]";
  }
}
