package org.parvis.model;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount in a currency, as a platform publishes a cost or a budget.
 *
 * <p>Immutable and thread-safe.
 */
public record Money(BigDecimal amount, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("an amount must be zero or more, got " + amount
                    + "; leave the cost out if" + " unknown");
        }
        if (currency == null || !ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency '" + currency
                    + "' is not an ISO 4217 code (three capital letters, e.g. EUR)");
        }
    }

    /** {@code amount} euros. */
    public static Money euros(BigDecimal amount) {
        return new Money(amount, "EUR");
    }
}
