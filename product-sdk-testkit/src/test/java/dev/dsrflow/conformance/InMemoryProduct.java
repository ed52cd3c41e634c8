package dev.dsrflow.conformance;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.DateRange;
import dev.dsrflow.model.ExportFormat;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.Capability;
import dev.dsrflow.product.CategoryCount;
import dev.dsrflow.product.ErasureReport;
import dev.dsrflow.product.ExportManifest;
import dev.dsrflow.product.ExportSink;
import dev.dsrflow.product.ExportedFile;
import dev.dsrflow.product.IdentifierKind;
import dev.dsrflow.product.Inventory;
import dev.dsrflow.product.PreservationReceipt;
import dev.dsrflow.product.ProductDescriptor;
import dev.dsrflow.product.ProductHandler;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.product.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A correct product over an in-memory store, declaring whatever capabilities and identifier kinds a
 * test gives it: the kit's reference handler, and the base the kit's regression breaks one rule at
 * a time. Erase works in chunks of two and keeps a per-run tally, so a resumed erase reports the
 * total across attempts; export writes a file per category and checkpoints after each.
 */
class InMemoryProduct implements ProductHandler {
    record Item(long id, Member member, InformationCategory category, Instant createdAt, boolean hidden) {}

    record Member(String userId, String email, String phone) {}

    private final ProductDescriptor descriptor;
    private final List<Member> members = new ArrayList<>();
    private final Map<Long, Item> items = new HashMap<>();
    private final List<Item> erased = new ArrayList<>();
    private final Map<String, List<Item>> holds = new HashMap<>();
    private final Map<String, Long> erasedInRun = new HashMap<>();
    private long nextId = 1;

    InMemoryProduct(Set<Capability> capabilities, Set<IdentifierKind> identifiers) {
        this(new ProductDescriptor(
                "newsletter",
                "Newsletter",
                Set.of(InformationCategory.PROFILE, InformationCategory.ACTIVITY),
                capabilities,
                true,
                "1.0.0",
                identifiers));
    }

    InMemoryProduct(ProductDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    // ---- the team's own store, as the kit's hooks reach it

    synchronized void seed(SubjectIdentifiers ids, InformationCategory category, List<Instant> createdAt) {
        for (IdentifierKind kind : IdentifierKind.values()) {
            if (kind.of(ids) != null && !descriptor.identifiers().contains(kind)) {
                throw new IllegalArgumentException("the kit seeded a " + kind + " the product does not hold");
            }
        }
        Member member = find(ids).orElseGet(() -> {
            Member fresh = new Member(ids.userId(), ids.email(), ids.phone());
            members.add(fresh);
            return fresh;
        });
        createdAt.forEach(at -> {
            long id = nextId++;
            items.put(id, new Item(id, member, category, at, false));
        });
    }

    synchronized long visible(SubjectIdentifiers ids) {
        return find(ids)
                .map(m -> items.values().stream()
                        .filter(i -> i.member() == m && !i.hidden())
                        .count())
                .orElse(0L);
    }

    // ---- what a broken variant overrides

    /** Whether the scope covers the category. */
    protected boolean covers(ProductScope scope, InformationCategory category) {
        return scope.covers(category);
    }

    /** Whether the instant lies in the range. */
    protected boolean inRange(DateRange range, Instant at) {
        return range.contains(at);
    }

    /** The member the subject is, if the product knows it. */
    protected synchronized Optional<Member> memberOf(SubjectRef subject) {
        return find(subject.identifiers());
    }

    // ---- the handler

    @Override
    public ProductDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public synchronized Inventory locate(SubjectRef subject, ProductScope scope) {
        Map<InformationCategory, List<Item>> found = new EnumMap<>(InformationCategory.class);
        inScope(subject, scope)
                .forEach(i -> found.computeIfAbsent(i.category(), c -> new ArrayList<>())
                        .add(i));
        List<CategoryCount> counts = new ArrayList<>();
        found.forEach((category, list) -> counts.add(new CategoryCount(
                category,
                list.size(),
                list.stream().map(Item::createdAt).min(Instant::compareTo).orElseThrow(),
                list.stream().map(Item::createdAt).max(Instant::compareTo).orElseThrow())));
        return new Inventory(counts);
    }

    @Override
    public synchronized ExportManifest export(
            SubjectRef subject, ProductScope scope, ExportFormat format, ExportSink sink, Progress progress) {
        Map<InformationCategory, List<Item>> byCategory = new EnumMap<>(InformationCategory.class);
        inScope(subject, scope)
                .forEach(i -> byCategory
                        .computeIfAbsent(i.category(), c -> new ArrayList<>())
                        .add(i));
        int done = progress.resumeFrom().map(Integer::parseInt).orElse(0);
        List<ExportedFile> files = new ArrayList<>();
        for (Map.Entry<InformationCategory, List<Item>> e : byCategory.entrySet()) {
            String path = e.getKey().name().toLowerCase() + (format == ExportFormat.HTML ? ".html" : ".json");
            byte[] bytes = render(e.getValue(), format);
            if (files.size() >= done) {
                try (OutputStream out = sink.open(path)) {
                    out.write(bytes);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
            files.add(new ExportedFile(
                    path, bytes.length, sha256(bytes), e.getValue().size()));
            if (files.size() > done) {
                progress.checkpoint(Integer.toString(files.size()));
            }
        }
        return new ExportManifest(files);
    }

    @Override
    public synchronized long restrict(SubjectRef subject, ProductScope scope) {
        return setHidden(subject, scope, true);
    }

    @Override
    public synchronized long unrestrict(SubjectRef subject, ProductScope scope) {
        return setHidden(subject, scope, false);
    }

    @Override
    public ErasureReport erase(SubjectRef subject, ProductScope scope, Progress progress) {
        String run = progress.resumeFrom().orElseGet(() -> {
            String fresh = UUID.randomUUID().toString();
            progress.checkpoint(fresh);
            return fresh;
        });
        Map<InformationCategory, Long> thisAttempt = new EnumMap<>(InformationCategory.class);
        while (true) {
            List<Item> chunk = eraseChunk(subject, scope, run);
            if (chunk.isEmpty()) {
                break;
            }
            chunk.forEach(i -> thisAttempt.merge(i.category(), 1L, Long::sum));
            progress.checkpoint(run);
        }
        return report(run, thisAttempt);
    }

    /** What erase reports: the run's tally across attempts. */
    protected synchronized ErasureReport report(String run, Map<InformationCategory, Long> thisAttempt) {
        Map<InformationCategory, Long> total = new EnumMap<>(InformationCategory.class);
        erasedInRun.forEach((key, n) -> {
            if (key.startsWith(run + "|")) {
                total.put(InformationCategory.valueOf(key.substring(run.length() + 1)), n);
            }
        });
        return new ErasureReport(total);
    }

    private synchronized List<Item> eraseChunk(SubjectRef subject, ProductScope scope, String run) {
        List<Item> chunk = inScope(subject, scope).stream().limit(2).toList();
        for (Item i : chunk) {
            items.remove(i.id());
            erased.add(i);
            erasedInRun.merge(run + "|" + i.category(), 1L, Long::sum);
        }
        return chunk;
    }

    @Override
    public synchronized VerificationReport verifyErased(SubjectRef subject, ProductScope scope) {
        return new VerificationReport(inScope(subject, scope).size());
    }

    @Override
    public synchronized PreservationReceipt preserve(SubjectRef subject, ProductScope scope, String holdId) {
        List<Item> copy = inScope(subject, scope);
        holds.put(holdId, copy);
        StringBuilder content = new StringBuilder();
        copy.stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .forEach(i ->
                        content.append(i.id()).append('|').append(i.createdAt()).append('\n'));
        long alreadyErased = memberOf(subject)
                .map(m -> erased.stream()
                        .filter(i -> i.member() == m && matches(scope).test(i))
                        .count())
                .orElse(0L);
        return new PreservationReceipt(
                holdId, copy.size(), sha256(content.toString().getBytes(StandardCharsets.UTF_8)), alreadyErased);
    }

    @Override
    public synchronized long release(SubjectRef subject, String holdId) {
        List<Item> copy = holds.remove(holdId);
        return copy == null ? 0 : copy.size();
    }

    /** The member's identifiers (the kinds the product holds), with what was given first. */
    @Override
    public synchronized List<SubjectIdentifiers> resolve(SubjectRef subject) {
        List<SubjectIdentifiers> answer = new ArrayList<>();
        answer.add(subject.identifiers());
        memberOf(subject).ifPresent(m -> answer.add(new SubjectIdentifiers(m.userId(), m.email(), m.phone())));
        return answer;
    }

    // ---- helpers

    private long setHidden(SubjectRef subject, ProductScope scope, boolean hidden) {
        long changed = 0;
        for (Item i : inScope(subject, scope)) {
            if (i.hidden() != hidden) {
                items.put(i.id(), new Item(i.id(), i.member(), i.category(), i.createdAt(), hidden));
                changed++;
            }
        }
        return changed;
    }

    List<Item> inScope(SubjectRef subject, ProductScope scope) {
        Optional<Member> member = memberOf(subject);
        if (member.isEmpty()) {
            return List.of();
        }
        return items.values().stream()
                .filter(i -> i.member() == member.get())
                .filter(matches(scope))
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList();
    }

    private Predicate<Item> matches(ProductScope scope) {
        return i -> covers(scope, i.category()) && inRange(scope.dateRange(), i.createdAt());
    }

    private Optional<Member> find(SubjectIdentifiers ids) {
        return members.stream()
                .filter(m -> same(m.userId(), IdentifierKind.USER_ID.of(ids), IdentifierKind.USER_ID)
                        || same(m.email(), IdentifierKind.EMAIL.of(ids), IdentifierKind.EMAIL)
                        || same(m.phone(), IdentifierKind.PHONE.of(ids), IdentifierKind.PHONE))
                .findFirst();
    }

    private boolean same(String held, String asked, IdentifierKind kind) {
        return descriptor.identifiers().contains(kind) && held != null && held.equals(asked);
    }

    private static byte[] render(List<Item> list, ExportFormat format) {
        StringBuilder b = new StringBuilder();
        if (format == ExportFormat.HTML) {
            b.append("<html><body><ul>");
            list.forEach(i -> b.append("<li>").append(i.createdAt()).append("</li>"));
            b.append("</ul></body></html>");
        } else {
            b.append('[');
            for (int n = 0; n < list.size(); n++) {
                b.append(n == 0 ? "" : ",")
                        .append("{\"createdAt\":\"")
                        .append(list.get(n).createdAt())
                        .append("\"}");
            }
            b.append(']');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
