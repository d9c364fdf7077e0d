package dev.rset.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Creates the table for tests and {@code rset dev}; in AWS, {@code template.yaml} declares the
 * same table (keep the two in step).
 */
public final class TableSchema {
    private TableSchema() {
    }

    public static void create(DynamoDbClient db, String tableName) {
        db.createTable(CreateTableRequest.builder().tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr(TableDesign.PK), attr(TableDesign.SK), attr(TableDesign.GSI1PK),
                        attr(TableDesign.GSI1SK))
                .keySchema(key(TableDesign.PK, KeyType.HASH), key(TableDesign.SK, KeyType.RANGE))
                .globalSecondaryIndexes(
                        index(TableDesign.BY_KIND_INDEX, TableDesign.GSI1PK, TableDesign.GSI1SK, ProjectionType.ALL))
                .build());
        db.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        db.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().enabled(true)
                        .attributeName(TableDesign.TTL).build()).build());
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range, ProjectionType projection) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE))
                .projection(Projection.builder().projectionType(projection).build()).build();
    }
}
