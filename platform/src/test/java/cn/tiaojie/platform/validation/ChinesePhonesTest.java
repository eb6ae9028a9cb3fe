package cn.tiaojie.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChinesePhonesTest {

    @Test
    void mobileAndFixedLineNumbersComeOutAsNationalDigits() {
        assertEquals(Optional.of("13812345678"), ChinesePhones.normalise("138 1234 5678"));
        assertEquals(Optional.of("13812345678"), ChinesePhones.normalise("+86 138-1234-5678"));
        assertEquals(Optional.of("057188886666"), ChinesePhones.normalise("0571-88886666"));
    }

    @Test
    void numbersOutsideTheNumberingPlanAreRefused() {
        for (String bad : List.of("12345", "1381234567", "1381234567890123456", "+1 202 555 0143", "abc", " ", "")) {
            assertEquals(Optional.empty(), ChinesePhones.normalise(bad), bad);
        }
        assertEquals(Optional.empty(), ChinesePhones.normalise(null));
    }

    @Test
    void answersStayRightWhenMoreNumbersPassThanAreRemembered() {
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            numbers.add(i % 3 == 0 ? "12345" + i : "1381234%04d".formatted(i));
        }
        for (int round = 0; round < 2; round++) {
            for (int i = numbers.size() - 1; i >= 0; i--) {
                Optional<String> expected = i % 3 == 0 ? Optional.empty() : Optional.of("1381234%04d".formatted(i));
                assertEquals(expected, ChinesePhones.normalise(numbers.get(i)), numbers.get(i));
            }
        }
    }
}
