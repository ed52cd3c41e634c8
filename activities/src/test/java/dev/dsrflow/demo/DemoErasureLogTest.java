package dev.dsrflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsrflow.catalogue.InformationCategory;
import dev.dsrflow.model.SubjectIdentifiers;
import dev.dsrflow.product.ProductScope;
import dev.dsrflow.product.Progress;
import dev.dsrflow.product.SubjectRef;
import dev.dsrflow.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A demo product's own record of its erasures: what, for which subject key, when by its clock. */
class DemoErasureLogTest {
    private static final Instant AT = Instant.parse("2031-07-04T12:00:00Z");

    @Test
    void everyErasedChunkIsLoggedUnderTheSubjectKeyAtTheProductsClock() {
        DataSource db = TestDatabase.fresh();
        DemoProduct messaging = DemoProducts.definition("messaging");
        DemoProducts.install(db, messaging);
        DemoProductHandler handler = new DemoProductHandler(db, messaging, 5, Clock.fixed(AT, ZoneOffset.UTC));
        SubjectRef who = new SubjectRef(new SubjectIdentifiers("u-0201", null, null), "sk-201");
        long held = handler.locate(who, ProductScope.EVERYTHING).totalItems();
        assertThat(handler.erasureLog("sk-201")).isEmpty();

        long erased =
                handler.erase(who, ProductScope.EVERYTHING, Progress.none()).total();

        List<ErasureLogEntry> log = handler.erasureLog("sk-201");
        assertThat(erased).isEqualTo(held).isEqualTo(12);
        assertThat(log).hasSize(3).allSatisfy(e -> {
            assertThat(e.erasedAt()).isEqualTo(AT);
            assertThat(e.category()).isEqualTo(InformationCategory.MESSAGES);
            assertThat(e.subjectKey()).isEqualTo("sk-201");
        });
        assertThat(log).extracting(ErasureLogEntry::run).containsOnly(log.get(0).run());
        assertThat(log.stream().mapToLong(ErasureLogEntry::items).sum()).isEqualTo(held);
        assertThat(handler.erasureLog("sk-202")).as("another subject's log").isEmpty();

        handler.erase(who, ProductScope.EVERYTHING, Progress.none());
        assertThat(handler.erasureLog("sk-201"))
                .as("an erase that finds nothing logs nothing")
                .hasSize(3);
    }
}
