package dev.opsbot.capacity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as people read them in chat: three significant digits, no exponent, no trailing zeros. */
final class Quantity {

    private Quantity() {
    }

    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "unknown" : value > 0 ? "∞" : "-∞";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            rounded = rounded.setScale(0, RoundingMode.HALF_UP);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
