package dev.berth.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpBlockTest {

    @ParameterizedTest(name = "{0} is read")
    @ValueSource(strings = {"10.0.0.1", "0.0.0.0/0", "192.168.1.0/24", "255.255.255.255/32", "::", "::1", "2001:db8::/32",
            "2001:0db8:0000:0000:0000:0000:0000:0001", "fe80::1:2", "::ffff:10.0.0.1", "1::", "1:2:3:4:5:6:7:8", "::/0",
            "2001:db8::1/128", "64:ff9b::192.0.2.33"})
    void readsAddressesAndBlocks(String text) {
        assertThat(IpBlock.parse(text)).isPresent();
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"", "10.0.0", "10.0.0.0.1", "10.0.0.300", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "01.2.3.4",
            "1.2.3.4/08", "a.b.c.d", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "1:", ":1", "2001:db8::/129", "::g",
            "fe80::1%eth0", "localhost", " 10.0.0.1", "10.0.0.1 "})
    void refusesWhatIsNotAnAddress(String text) {
        assertThat(IpBlock.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{1} in {0} is {2}")
    @CsvSource({
            "10.0.0.0/8, 10.20.30.40, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "10.1.2.3/8, 10.200.0.1, true",
            "0.0.0.0/0, 203.0.113.9, true",
            "192.168.1.7, 192.168.1.7, true",
            "192.168.1.7, 192.168.1.8, false",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "::/0, ::1, true",
            "::/0, 10.0.0.1, false",
            "10.0.0.0/8, ::ffff:10.0.0.1, true",
            "10.0.0.0/8, 2001:db8::1, false",
            "2001:db8::1/128, 2001:db8::1, true",
            "2001:db8::1/127, 2001:db8::0, true",
    })
    void containsAddressesUnderItsPrefix(String block, String address, boolean expected) {
        assertThat(IpBlock.parse(block).orElseThrow().contains(IpBlock.parse(address).orElseThrow())).isEqualTo(expected);
    }
}
