package dev.dsrflow.api.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * A user of HTTP Basic authentication, declared under {@code dsrflow.security.users.<name>}
 * with {@code password} and {@code roles} (see {@link Roles}).
 */
@EachProperty("dsrflow.security.users")
public class ConfiguredUser {
  private final String name;
  private String password;
  private List<String> roles = List.of();

  public ConfiguredUser(@Parameter String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public String password() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public List<String> roles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? List.of() : List.copyOf(roles);
  }

  @Override
  public String toString() {
    return "ConfiguredUser[" + name + " " + roles + "]";
  }
}
