package cn.tiaojie.cases.validation;

import cn.tiaojie.cases.service.privacy.PersonalData;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A resident ID number with a real birth date and a correct GB 11643 check character; null passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ResidentId.Validator.class)
public @interface ResidentId {

    String message() default "must be an 18-character resident ID number with a valid check character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ResidentId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PersonalData.isValidIdNumber(value);
        }
    }
}
