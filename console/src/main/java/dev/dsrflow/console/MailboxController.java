package dev.dsrflow.console;

import dev.dsrflow.notification.DemoMailbox;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The demo mailbox: the mail the default runtime's embedded SMTP server received (codes,
 * acknowledgements, outcomes), newest first, so a person trying dsrflow sees what subjects are
 * sent. Only in the {@code demo} environment: a deployment's notices go to a real relay.
 */
@Controller("/console/mailbox")
@Requires(env = "demo")
@Requires(beans = DemoMailbox.class)
@Secured(SecurityRule.IS_AUTHENTICATED)
class MailboxController {
    private final ConsoleGuard guard;
    private final DemoMailbox mailbox;

    MailboxController(ConsoleGuard guard, DemoMailbox mailbox) {
        this.guard = guard;
        this.mailbox = mailbox;
    }

    @Get
    HttpResponse<?> mailbox(HttpRequest<?> request) {
        ConsoleSession session = guard.session(request);
        List<DemoMailbox.Mail> mails = new ArrayList<>(mailbox.received());
        Collections.reverse(mails);
        Frame frame = guard.frame(session, "Demo mailbox", "mailbox");
        return Pages.html(new ModelAndView<>("console/mailbox", Map.of("frame", frame, "mails", mails)));
    }
}
