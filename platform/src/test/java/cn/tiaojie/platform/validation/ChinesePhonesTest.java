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
        List<String> numbers = List.of("13812345678", "abc", "0571-88886666", "13912345678", "12345", "13712345678");
        List<Optional<String>> first = numbers.stream().map(ChinesePhones::normalise).toList();
        for (int round = 0; round < 3; round++) {
            for (int i = numbers.size() - 1; i >= 0; i--) {
                assertEquals(first.get(i), ChinesePhones.normalise(numbers.get(i)), numbers.get(i));
            }
        }
        assertEquals(Optional.of("13712345678"), first.get(5));
        assertEquals(Optional.empty(), first.get(4));
    }
}
