package dev.dsrflow.api.requests;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dsrflow.api.security.Roles;
import dev.dsrflow.ledger.ProductSnapshot;
import dev.dsrflow.ledger.RequestSnapshot;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds request views from what workflows report (the same shape the ledger gives). */
@Singleton
public class RequestViews {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final PackageLinks links;

    RequestViews(PackageLinks links) {
        this.links = links;
    }

    /** The view of a workflow's snapshot, with its products. */
    public RequestView of(RequestSnapshot s) {
        return new RequestView(
                s.id(),
                s.type(),
                s.status(),
                s.jurisdiction(),
                s.subjectKey(),
                s.receivedAt(),
                s.dueAt(),
                overdue(s.dueAt(), s.status().isFinal(), Instant.now()),
                s.extended(),
                s.requestedBy(),
                s.approvedBy(),
                s.graceEndsAt(),
                s.holdExpiresAt(),
                s.completedAt(),
                s.products() == null
                        ? List.of()
                        : s.products().stream().map(RequestViews::product).toList(),
                links.view(s.download()),
                certificate(s.certificate()),
                s.subjectKeys() == null ? List.of(s.subjectKey()) : s.subjectKeys(),
                s.graceConfiguredEnd() != null,
                s.graceConfiguredEnd());
    }

    /** The view as this reader may see it: the live download link for PRIVACY_OPS only. */
    public static RequestView visibleTo(RequestView view, Authentication reader) {
        return reader.getRoles().contains(Roles.PRIVACY_OPS) ? view : view.withoutDownloadLink();
    }

    static boolean overdue(Instant dueAt, boolean isFinal, Instant now) {
        return dueAt != null && dueAt.isBefore(now) && !isFinal;
    }

    private static RequestView.ProductView product(ProductSnapshot p) {
        return new RequestView.ProductView(
                p.product(),
                p.status(),
                p.attempts(),
                p.updatedAt(),
                p.detail(),
                p.result() == null ? null : JSON.convertValue(p.result(), MAP));
    }

    /** A JSON object or array stored as text, as a tree for the view. */
    static Map<String, Object> json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON in the ledger", e);
        }
    }

    /** The certificate as JSON when it is a JSON document, else as text. */
    static Object certificate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            return text;
        }
    }
}
