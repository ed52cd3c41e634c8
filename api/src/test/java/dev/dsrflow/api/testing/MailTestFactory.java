package dev.dsrflow.api.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.dsrflow.api.mail.SmtpSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Test wiring: a real SMTP server (GreenMail, on a port of its own choosing) that the notices of
 * the API tests are sent to through the real Micronaut Email transport; tests read what it got.
 */
@Factory
@Requires(env = "test")
public class MailTestFactory {

    @Singleton
    @Bean(preDestroy = "stop")
    GreenMail greenMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @Singleton
    @Replaces(SmtpSettings.class)
    SmtpSettings smtpSettings(GreenMail mail) {
        return new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), false, null, null, "privacy@dsrflow.test");
    }
}
