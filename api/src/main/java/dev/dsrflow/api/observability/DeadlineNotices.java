package dev.dsrflow.api.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsrflow.ledger.LedgerSchema;
import dev.dsrflow.notification.MailTransport;
import dev.dsrflow.notification.OutgoingMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a deadline escalation to people: when a request's workflow records DEADLINE_WARNING or
 * OVERDUE in the ledger, this POSTs a JSON notice to {@code dsrflow.observability.deadline-webhook}
 * and mails one to {@code dsrflow.observability.deadline-email} (a privacy-ops address, through the
 * relay the subjects' notices use), whichever are configured, once per request, level and channel.
 * Each notice is claimed in {@code deadline_notices} before it is sent, so two processes never both
 * send it; a failed send is retried when its claim expires. The notice names the request (id,
 * type, jurisdiction, status, due date), never its subject.
 */
@Context
@Requires(property = "dsrflow.orchestrator.enabled", value = "true")
@Requires(condition = DeadlineNotices.Configured.class)
class DeadlineNotices {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineNotices.class);
    private static final String T = LedgerSchema.SCHEMA + ".";
    private static final Duration CLAIM = Duration.ofMinutes(1);
    /** An escalation older than this is history, not news: it is not sent any more. */
    private static final Duration NEWS = Duration.ofDays(14);

    private record Due(String requestId, String level, String type, String jurisdiction, String status, String dueAt) {}

    /**
     * Where a notice goes. Its claims are kept under the level plus {@code key} (the webhook's
     * under the bare level), so each channel sends each notice once, whatever the other does.
     */
    private record Channel(String name, String key, Predicate<Due> send) {}

    /** A webhook or a privacy-ops address is configured: otherwise there is nothing to send. */
    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return context.getBeanContext() instanceof PropertyResolver properties
                    && Stream.of("dsrflow.observability.deadline-webhook", "dsrflow.observability.deadline-email")
                            .anyMatch(key -> !properties
                                    .get(key, String.class)
                                    .orElse("")
                                    .isBlank());
        }
    }

    private final DataSource ledger;
    private final List<Channel> channels = new ArrayList<>();
    private final MeterRegistry registry;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Counter scans;
    private final ScheduledFuture<?> task;

    DeadlineNotices(
            DataSource ledger,
            ObservabilitySettings settings,
            @Nullable MeterRegistry registry,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            BeanProvider<MailTransport> relay) {
        this.ledger = ledger;
        if (settings.sendsDeadlineNotices()) {
            URI webhook = URI.create(settings.deadlineWebhook());
            channels.add(new Channel("webhook", "", due -> post(webhook, due)));
        }
        if (settings.mailsDeadlineNotices()) {
            String to = settings.deadlineEmail().trim();
            channels.add(new Channel("email", ":email", due -> mail(relay.get(), to, due)));
        }
        this.registry = registry != null ? registry : new SimpleMeterRegistry(); // metrics off
        this.scans = Counter.builder("dsrflow.deadline.scans")
                .description("Scans of the ledger for deadline escalations without a notice")
                .register(this.registry);
        this.task = scheduler.scheduleWithFixedDelay(
                settings.noticeScanInterval(), settings.noticeScanInterval(), this::scanQuietly);
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("deadline notices: scan failed: {}", e.toString());
        }
    }

    /** Sends every escalation recorded in the ledger that has no notice yet. */
    void scan() throws SQLException {
        for (Channel channel : channels) {
            for (Due due : pending(channel)) {
                if (claim(channel, due)) {
                    send(channel, due);
                }
            }
        }
        scans.increment();
    }

    private List<Due> pending(Channel channel) throws SQLException {
        List<Due> out = new ArrayList<>();
        try (Connection c = ledger.getConnection();
                PreparedStatement ps = c.prepareStatement("select distinct e.request_id, e.kind, r.type,"
                        + " r.jurisdiction, r.status, r.due_at from " + T + "request_events e join " + T
                        + "requests r on r.id = e.request_id where e.kind in ('DEADLINE_WARNING','OVERDUE')"
                        + " and e.at > now() - make_interval(secs => ?) and not exists (select 1 from " + T
                        + "deadline_notices n where n.request_id = e.request_id and n.level = e.kind || ?"
                        + " and (n.sent_at is not null or n.claimed_until > now())) limit 100")) {
            ps.setLong(1, NEWS.toSeconds());
            ps.setString(2, channel.key());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getTimestamp(6) == null
                                    ? null
                                    : rs.getTimestamp(6).toInstant().toString()));
                }
            }
        }
        return out;
    }

    /** Claims the notice for this process; false when another process sent or is sending it. */
    private boolean claim(Channel channel, Due due) throws SQLException {
        try (Connection c = ledger.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into " + T
                        + "deadline_notices as n (request_id, level, claimed_until) values (?, ?, now() +"
                        + " make_interval(secs => ?))"
                        + " on conflict (request_id, level) do update set claimed_until = excluded.claimed_until,"
                        + " attempts = n.attempts + 1 where n.sent_at is null and n.claimed_until <= now()")) {
            ps.setString(1, due.requestId());
            ps.setString(2, due.level() + channel.key());
            ps.setLong(3, CLAIM.toSeconds());
            return ps.executeUpdate() == 1;
        }
    }

    private void send(Channel channel, Due due) throws SQLException {
        boolean sent = channel.send().test(due);
        NoticeMetrics.count(registry, channel.name(), due.level(), sent);
        if (sent) {
            try (Connection c = ledger.getConnection();
                    PreparedStatement ps = c.prepareStatement("update " + T
                            + "deadline_notices set sent_at = now() where request_id = ? and level = ?")) {
                ps.setString(1, due.requestId());
                ps.setString(2, due.level() + channel.key());
                ps.executeUpdate();
            }
        }
    }

    private boolean post(URI webhook, Due due) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("id", due.requestId() + ":" + due.level());
        notice.put("kind", due.level());
        notice.put("requestId", due.requestId());
        notice.put("requestType", due.type());
        notice.put("jurisdiction", due.jurisdiction());
        notice.put("status", due.status());
        notice.put("dueAt", due.dueAt());
        boolean sent;
        try {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(webhook)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(notice)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            sent = answer.statusCode() / 100 == 2;
            if (!sent) {
                LOG.warn(
                        "deadline notice {} for request {}: webhook answered {}",
                        due.level(),
                        due.requestId(),
                        answer.statusCode());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            LOG.warn(
                    "deadline notice {} for request {}: webhook unreachable: {}",
                    due.level(),
                    due.requestId(),
                    e.toString());
            sent = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent = false;
        }
        return sent;
    }

    private static boolean mail(MailTransport relay, String to, Due due) {
        String what = due.level().equals("OVERDUE") ? "is overdue" : "is due soon";
        String text = "The " + due.type() + " request " + due.requestId() + " (" + due.jurisdiction() + ", "
                + due.status() + ") " + what + ": due " + due.dueAt() + ".\n";
        try {
            relay.send(new OutgoingMail(
                    to,
                    "dsrflow: request " + due.requestId() + " " + what,
                    text,
                    "<p>" + text.strip() + "</p>",
                    null,
                    null));
            return true;
        } catch (RuntimeException e) {
            LOG.warn(
                    "deadline notice {} for request {}: mail not sent: {}", due.level(), due.requestId(), e.toString());
            return false;
        }
    }
}
