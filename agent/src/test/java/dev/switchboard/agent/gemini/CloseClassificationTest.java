package dev.switchboard.agent.gemini;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Gemini failures are worth a reconnect (realtime-protocols §6.8). */
class CloseClassificationTest {

    @Test
    void refusalsOfTheRequestItselfAreFinal() {
        assertFalse(CloseClassification.retryable(1000, "bye"));
        assertFalse(CloseClassification.retryable(1007, "API key expired. Please renew the API key."));
        assertFalse(CloseClassification.retryable(1007, "Request contains an invalid argument."));
        assertFalse(CloseClassification.retryable(1008, "Requested entity was not found."));
        assertFalse(CloseClassification.retryable(1008, "Operation is not implemented, or supported, or enabled."));
    }

    @Test
    void internalErrorsAreRetryableUnlessTheQuotaIsSpent() {
        assertTrue(CloseClassification.retryable(1011, "Internal error encountered."));
        assertTrue(CloseClassification.retryable(1011, "Deadline expired before operation could complete."));
        assertFalse(CloseClassification.retryable(1011, "You exceeded your current quota, please check your plan"));
        assertFalse(CloseClassification.retryable(1011, "RESOURCE_EXHAUSTED"));
        assertFalse(CloseClassification.retryable(1011, "Resource has been exhausted (e.g. check quota)."));
    }

    @Test
    void dropsAndRestartsAreRetryable() {
        assertTrue(CloseClassification.retryable(1006, "connection lost"));
        assertTrue(CloseClassification.retryable(1001, "going away"));
        assertTrue(CloseClassification.retryable(1012, "service restart"));
        assertTrue(CloseClassification.retryable(1013, "try again later"));
        assertTrue(CloseClassification.retryable(1006, null));
    }

    @Test
    void upgradeRefusals() {
        for (int fatal : new int[] {400, 401, 403, 404}) {
            assertFalse(CloseClassification.retryableRefusal(fatal), "HTTP " + fatal);
        }
        for (int transientStatus : new int[] {429, 500, 502, 503}) {
            assertTrue(CloseClassification.retryableRefusal(transientStatus), "HTTP " + transientStatus);
        }
    }
}
