package dev.berth.server.rpc.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {
    @Test
    void keepsUnreservedCharactersAndEncodesTheRestInUpperCaseHex() {
        assertThat(PercentEncoding.encode("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
        assertThat(PercentEncoding.encode("a b*c+d/e=f&g%")).isEqualTo("a%20b%2Ac%2Bd%2Fe%3Df%26g%25");
    }

    @Test
    void encodesTheUtf8BytesOfOtherCharacters() {
        assertThat(PercentEncoding.encode("é中😀")).isEqualTo("%C3%A9%E4%B8%AD%F0%9F%98%80");
    }

    @Test
    void agreesWithTheSdksUrlEncoderRecipeOnRandomText() {
        Random random = new Random(20260301);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                text.appendCodePoint(random.nextBoolean() ? 0x20 + random.nextInt(0x60) : 0xa0 + random.nextInt(0x3000));
            }
            String sdk = URLEncoder.encode(text.toString(), StandardCharsets.UTF_8)
                    .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
            assertThat(PercentEncoding.encode(text.toString())).as("encoding of `%s`", text).isEqualTo(sdk);
        }
    }
}
