package dev.dsrflow.workflow.lifecycle;

import dev.dsrflow.notification.NoticeOutbox;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/** The real outbox, whose first recorded send then fails the activity (as a worker dying after it). */
final class FailingOnceOutbox extends NoticeOutbox {
    private final AtomicBoolean failed = new AtomicBoolean();

    FailingOnceOutbox(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public void markSent(String noticeId, String codeHash) {
        super.markSent(noticeId, codeHash);
        if (failed.compareAndSet(false, true)) {
            throw new IllegalStateException("the worker died after the send");
        }
    }
}
