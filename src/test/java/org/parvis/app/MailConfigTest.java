package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.alert.AlertSettings;
import org.parvis.alert.MailSettings;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The {@code mail:} block of {@code parvis.yml} and its environment overrides. */
class MailConfigTest {

    private static final URI LOCAL = URI.create("http://localhost:8080");

    @TempDir
    Path dir;

    private ParvisConfig read(String yaml) throws IOException {
        Path file = dir.resolve("parvis.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return ParvisConfig.read(file);
    }

    @Test
    void readsTheMailBlock() throws IOException {
        ParvisConfig config = read("""
                mail:
                  host: smtp.example.org
                  tls: smtps
                  username: parvis
                  password: s3cret
                  from: Parvis <alertes@example.org>
                  publicUrl: https://parvis.example.org/
                  confirmationTtl: 2d
                """);

        AlertSettings settings = config.mail().toSettings(LOCAL);

        assertThat(settings.mail())
                .isEqualTo(new MailSettings(
                        "smtp.example.org",
                        465,
                        MailSettings.Tls.SMTPS,
                        "parvis",
                        "s3cret",
                        "Parvis <alertes@example.org>",
                        MailSettings.DEFAULT_TIMEOUT_MILLIS));
        assertThat(settings.publicBaseUrl()).isEqualTo(URI.create("https://parvis.example.org"));
        assertThat(settings.confirmationTtl()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void environmentVariablesOverrideTheFile() throws IOException {
        MailConfig mail = read("""
                        mail:
                          host: smtp.example.org
                          from: Parvis <alertes@example.org>
                        """)
                .mail()
                .withEnvironment(Map.of(
                        "PARVIS_MAIL_HOST", "127.0.0.1",
                        "PARVIS_MAIL_PORT", "3025",
                        "PARVIS_MAIL_TLS", "none",
                        "PARVIS_MAIL_PASSWORD", "from-env",
                        "PARVIS_MAIL_USERNAME", "ops"));

        MailSettings settings = mail.toSettings(LOCAL).mail();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(3025);
        assertThat(settings.tls()).isEqualTo(MailSettings.Tls.NONE);
        assertThat(settings.password()).isEqualTo("from-env");
        assertThat(mail.toSettings(LOCAL).publicBaseUrl()).isEqualTo(LOCAL);
    }

    @Test
    void alertsAreOffWithoutAHostAndOnWithOneFromTheEnvironment() throws IOException {
        MailConfig none = read("contact: mailto:ops@node.example\n").mail();

        assertThat(none.enabled()).isFalse();
        assertThat(none.withEnvironment(Map.of("PARVIS_MAIL_HOST", "smtp.example.org"))
                        .enabled())
                .isTrue();
    }

    @Test
    void thePasswordIsNeverShown() throws IOException {
        MailConfig mail = read("""
                mail:
                  host: smtp.example.org
                  username: parvis
                  password: s3cret
                  from: Parvis <alertes@example.org>
                """).mail();

        assertThat(mail.toString()).doesNotContain("s3cret");
        assertThat(mail.toSettings(LOCAL).toString()).doesNotContain("s3cret");
        assertThat(mail.toSettings(LOCAL).mail().toString()).doesNotContain("s3cret");
    }

    @Test
    void mistakesNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> read("""
                        mail:
                          host: smtp.example.org
                          sender: alertes@example.org
                        """))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("unknown key 'sender' in mail")
                .hasMessageContaining("from");
        assertThatThrownBy(() -> read("""
                                mail:
                                  host: smtp.example.org
                                  tls: ssl
                                  from: a@example.org
                                """).mail().toSettings(LOCAL))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("unknown TLS mode 'ssl'")
                .hasMessageContaining("starttls");
        assertThatThrownBy(() -> read("""
                                mail:
                                  host: smtp.example.org
                                """).mail().toSettings(LOCAL))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("'from' is required");
    }
}
