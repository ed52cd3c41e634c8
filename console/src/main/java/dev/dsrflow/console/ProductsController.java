package dev.dsrflow.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The products page: {@code GET /v1/products}, plus per product the tasks FAILED or MANUAL in
 * the open requests (the 200 most recent in progress or waiting on a hold).
 */
@Controller("/console/products")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProductsController {
    private final ConsoleGuard guard;
    private final Api api;

    ProductsController(ConsoleGuard guard, Api api) {
        this.guard = guard;
        this.api = api;
    }

    @Get
    HttpResponse<?> products(HttpRequest<?> request) {
        ConsoleSession session = guard.session(request);
        ProductsPage page;
        try {
            Map<String, int[]> waiting = new HashMap<>();
            JsonNode open =
                    api.get(session, "/v1/requests", Map.of("status", "IN_PROGRESS,WAITING_ON_HOLD", "size", "200"));
            int scanned = 0;
            for (JsonNode item : open.path("items")) {
                scanned++;
                JsonNode view =
                        api.get(session, "/v1/requests/" + item.path("id").asText(), Map.of());
                for (JsonNode p : view.path("products")) {
                    int[] tally = waiting.computeIfAbsent(p.path("product").asText(), k -> new int[2]);
                    switch (p.path("status").asText()) {
                        case "FAILED" -> tally[0]++;
                        case "MANUAL" -> tally[1]++;
                        default -> {}
                    }
                }
            }
            List<ProductsPage.Product> products = new ArrayList<>();
            for (JsonNode p : api.get(session, "/v1/products", Map.of())) {
                int[] tally = waiting.getOrDefault(p.path("id").asText(), new int[2]);
                products.add(new ProductsPage.Product(
                        p.path("id").asText(),
                        p.path("displayName").asText(),
                        join(p.path("categories")),
                        join(p.path("capabilities")),
                        p.path("automated").asBoolean(),
                        p.path("workerOnline").asBoolean(),
                        tally[0],
                        tally[1]));
            }
            page = new ProductsPage(products, scanned, null);
        } catch (ApiRefusal refusal) {
            page = new ProductsPage(List.of(), 0, refusal.describe());
        }
        Frame frame = guard.frame(session, "Products", "products");
        return Pages.html(new ModelAndView<>("console/products", Map.of("frame", frame, "page", page)));
    }

    private static String join(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.joining(", "));
    }
}
