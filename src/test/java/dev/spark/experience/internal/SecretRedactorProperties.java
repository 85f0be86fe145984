package dev.spark.experience.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.spark.experience.internal.SecretRedactor.Redaction;
import dev.spark.experience.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SecretRedactorProperties {

    private final SecretRedactor redactor = new SecretRedactor();

    @Test
    void redactionIsIdempotent() {
        qt().withExamples(1000).forAll(textWithSecrets()).checkAssert(text -> {
            Redaction once = redactor.redact(text);
            Redaction twice = redactor.redact(once.text());
            assertThat(twice.text()).isEqualTo(once.text());
            assertThat(twice.count()).isZero();
        });
    }

    @Test
    void redactionOfArbitraryTextIsIdempotent() {
        qt().withExamples(500).forAll(Texts.anyText(255)).checkAssert(text -> {
            Redaction once = redactor.redact(text);
            assertThat(redactor.redact(once.text())).isEqualTo(new Redaction(once.text(), 0));
        });
    }

    @Test
    void plantedSecretsNeverSurvive() {
        qt().withExamples(1000).forAll(filler(), secrets(), filler()).checkAssert((before, secret, after) -> {
            String text = before + secret.prefix() + secret.value() + secret.suffix() + after;
            Redaction r = redactor.redact(text);
            assertThat(r.text()).doesNotContain(secret.value());
            assertThat(r.count()).isPositive();
        });
    }

    /** A secret and the context that makes it recognisable (a key name, a URL); the value is what must go. */
    record Planted(String prefix, String value, String suffix) {
    }

    private static Gen<Planted> secrets() {
        Gen<String> alnum = Texts.over(Texts.LETTERS + Texts.DIGITS, 36, 48);
        Gen<String> upper = Texts.over("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + Texts.DIGITS, 16, 16);
        Gen<String> word = Texts.over("abcdefghijklmnopqrstuvwxyz" + Texts.DIGITS, 6, 20).map(s -> "x" + s);
        return Generate.oneOf(
                upper.map(s -> new Planted(" ", "AKIA" + s, " ")),
                alnum.map(s -> new Planted(" ", "sk-" + s, " ")),
                alnum.map(s -> new Planted(" ", "ghp_" + s, " ")),
                alnum.map(s -> new Planted(" ", "github_pat_" + s, " ")),
                alnum.map(s -> new Planted(" ", "xoxb-" + s, " ")),
                alnum.map(s -> new Planted(" ", "AIza" + s, " ")),
                alnum.map(s -> new Planted("\nAuthorization: Bearer ", s + "9", "\n")),
                alnum.zip(alnum, alnum, (a, b, c) -> new Planted(" ", "eyJ" + a + ".eyJ" + b + "." + c, " ")),
                word.map(s -> new Planted("\npassword = \"", s, "\"\n")),
                word.map(s -> new Planted("\napi_key: ", s, "\n")),
                word.map(s -> new Planted(" {'token': '", s, "'} ")),
                word.map(s -> new Planted("\nSECRET=", s, "\n")),
                word.map(s -> new Planted(" postgres://app:", s, "@db:5432/x ")),
                word.map(s -> new Planted(" mongodb+srv://root:", s, "@cluster0.example.net/ ")),
                alnum.map(s -> new Planted("\n-----BEGIN PRIVATE KEY-----\n", s, "\n-----END PRIVATE KEY-----\n")));
    }

    private static Gen<String> filler() {
        return Generate.oneOf(
                Texts.anyText(40),
                Generate.pick(List.of("", "import pandas as pd\n", "df.groupby('key').sum()\n", "tokens = s.split()\n",
                        "x = 1\n", "# comment\n")));
    }

    private static Gen<String> textWithSecrets() {
        Gen<String> pieces = Generate.oneOf(
                filler(),
                secrets().map(p -> p.prefix() + p.value() + p.suffix()),
                Generate.pick(List.of("password", "token", "=", ":", "\"", "'", "://", "@", "[REDACTED:", "]", "Bearer ",
                        "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----", "?api_key=", "&", "\n",
                        "AKIA", "eyJ", "sk-", "export ", "  ")));
        return Texts.glued(pieces, 12);
    }
}
