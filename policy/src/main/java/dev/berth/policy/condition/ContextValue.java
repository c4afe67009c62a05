package dev.berth.policy.condition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The values of one condition key in one request, with each typed reading made at most once per
 * request: several statements testing {@code acs:SourceIp} parse the address once. A value that
 * cannot be read as a type is held as null in that reading. Readings are published through final
 * fields, so sharing a context between threads is safe.
 */
public final class ContextValue {
    private final List<String> texts;
    private Reading<IpBlock> addresses;
    private Reading<Timestamp> dates;
    private Reading<BigDecimal> numbers;

    ContextValue(List<String> texts) {
        this.texts = List.copyOf(texts);
    }

    public List<String> texts() {
        return texts;
    }

    /** Each value read as a single address (not a block), or null. */
    IpBlock[] addresses() {
        Reading<IpBlock> reading = addresses;
        if (reading == null) {
            reading = new Reading<>(read(text -> text.indexOf('/') >= 0 ? Optional.empty() : IpBlock.parse(text), IpBlock[]::new));
            addresses = reading;
        }
        return reading.values();
    }

    Timestamp[] dates() {
        Reading<Timestamp> reading = dates;
        if (reading == null) {
            reading = new Reading<>(read(Timestamp::parse, Timestamp[]::new));
            dates = reading;
        }
        return reading.values();
    }

    BigDecimal[] numbers() {
        Reading<BigDecimal> reading = numbers;
        if (reading == null) {
            reading = new Reading<>(read(Decimal::parse, BigDecimal[]::new));
            numbers = reading;
        }
        return reading.values();
    }

    private <T> T[] read(Function<String, Optional<T>> parser, IntFunction<T[]> arrays) {
        T[] values = arrays.apply(texts.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = parser.apply(texts.get(i)).orElse(null);
        }
        return values;
    }

    private record Reading<T>(T[] values) {
    }

    @Override
    public String toString() {
        return texts.toString();
    }
}
