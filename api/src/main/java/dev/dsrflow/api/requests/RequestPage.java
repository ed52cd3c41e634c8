package dev.dsrflow.api.requests;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a request list. */
@Serdeable
@Schema(name = "RequestPage")
public record RequestPage(List<RequestView> items, int page, int size, long total) {}
