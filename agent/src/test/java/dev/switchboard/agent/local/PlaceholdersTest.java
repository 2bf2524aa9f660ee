package dev.switchboard.agent.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaceholdersTest {

    @Test
    void fillsKnownNamesAndLeavesUnknownOnesAsWritten() {
        assertEquals("Order 12345 is {stauts}.",
                Placeholders.fill("Order {order_id} is {stauts}.", Map.of("order_id", "12345", "status", "late")));
    }

    @Test
    void valuesAreTakenLiterally() {
        assertEquals("costs $5 \\ {x}", Placeholders.fill("costs {price} {y}", Map.of("price", "$5 \\", "y", "{x}")));
    }

    @Test
    void bracesThatAreNotPlaceholdersArePlainText() {
        assertEquals("{} {1a} { x } 7", Placeholders.fill("{} {1a} { x } {Id_2}", Map.of("x", "no", "Id_2", "7")));
    }
}
