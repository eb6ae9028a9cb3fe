package cn.tiaojie.notify.service.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** notice.phone: sealed in the database, plain in memory. */
@Converter
public class SealedPhone implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String plain) {
        return SealedContacts.seal(SealedContacts.PHONE, plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return SealedContacts.open(SealedContacts.PHONE, stored);
    }
}
