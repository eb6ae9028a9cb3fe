package cn.tiaojie.notify.service.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** notice.email: sealed in the database, plain in memory. */
@Converter
public class SealedEmail implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String plain) {
        return SealedContacts.seal(SealedContacts.EMAIL, plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return SealedContacts.open(SealedContacts.EMAIL, stored);
    }
}
