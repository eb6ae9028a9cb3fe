package cn.tiaojie.scheduling.service.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** hearing.request: sealed in the database, the plain protobuf bytes in memory. */
@Converter
public class SealedRequest implements AttributeConverter<byte[], byte[]> {

    @Override
    public byte[] convertToDatabaseColumn(byte[] plain) {
        return SealedRequests.seal(plain);
    }

    @Override
    public byte[] convertToEntityAttribute(byte[] stored) {
        return SealedRequests.open(stored);
    }
}
