package io.jgym.server;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Python's {@code repr(float)}: the shortest digits that read back to the same double, in fixed
 * notation when the decimal exponent is in [-4, 16) and scientific ({@code 1e-05}, {@code 1e+100})
 * otherwise, always with a fractional part in fixed notation ({@code 1.0}). Java 17's
 * {@code Double.toString} is not always shortest, so the digits come from Jackson's Schubfach
 * writer and only the layout is done here.
 */
final class PythonFloat {
    private PythonFloat() {
    }

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        String java = NumberOutput.toString(value, true);
        boolean negative = java.startsWith("-");
        if (negative) {
            java = java.substring(1);
        }
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = (dot < 0 ? mantissa.length() : dot) + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        point -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        if (digits.length() == 2) {
            // Java may print two digits where one round-trips (4.9E-324); Python prints the one (5e-324).
            int rounded = Math.round(Integer.parseInt(digits) / 10f);
            String one = rounded == 10 ? "1" : Integer.toString(rounded);
            int onePoint = rounded == 10 ? point + 1 : point;
            if (Double.parseDouble("0." + one + "E" + onePoint) == Math.abs(value)) {
                digits = one;
                point = onePoint;
            }
        }
        String sign = negative ? "-" : "";
        if (digits.equals("0")) {
            return sign + "0.0";
        }
        return sign + layout(digits, point);
    }

    /** Lays out digits d1d2...dn meaning 0.d1d2...dn * 10^point as Python's 'r' format does. */
    private static String layout(String digits, int point) {
        int n = digits.length();
        if (point <= -4 || point > 16) {
            int exp = point - 1;
            String mantissa = n == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String expDigits = Integer.toString(Math.abs(exp));
            return mantissa + "e" + (exp < 0 ? "-" : "+") + (expDigits.length() < 2 ? "0" : "") + expDigits;
        }
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point >= n) {
            return digits + "0".repeat(point - n) + ".0";
        }
        return digits.substring(0, point) + "." + digits.substring(point);
    }
}
