package dev.switchboard.sip.stack;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP's internal logging to SLF4J. Without it the stack would reach for log4j 1.x, which this server
 * does not ship. Named in the stack properties, so the stack creates it with the no-argument constructor.
 */
public final class Slf4jStackLogger implements StackLogger {

    private static final Logger log = LoggerFactory.getLogger("jain-sip");
    private static final Pattern TLS_NOTE = Pattern.compile("(?i)\\btls\\b|keystore|truststore");

    @Override
    public void logStackTrace() {}

    @Override
    public void logStackTrace(int traceLevel) {}

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        log.debug("stack exception", ex);
    }

    @Override
    public void logDebug(String message) {
        log.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        log.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        log.error(message);
    }

    @Override
    public void logError(String message) {
        log.warn(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return log.isDebugEnabled();
    }

    /** JAIN-SIP levels ({@link gov.nist.core.LogLevels}): 0 none, 2 fatal, 4 error, 8 warn, 16 info, 32 debug, 64 trace. */
    @Override
    public boolean isLoggingEnabled(int level) {
        if (level >= TRACE_TRACE) {
            return log.isTraceEnabled();
        }
        if (level >= TRACE_INFO) {
            return log.isDebugEnabled();
        }
        return level > TRACE_NONE && log.isWarnEnabled();
    }

    @Override
    public void logError(String message, Exception ex) {
        log.warn(message, ex);
    }

    /**
     * Warnings, except the stack's start-up notes about TLS key stores: this server does not listen on TLS, so they
     * would only alarm.
     */
    @Override
    public void logWarning(String message) {
        if (message != null && TLS_NOTE.matcher(message).find()) {
            log.debug(message);
        } else {
            log.warn(message);
        }
    }

    @Override
    public void logInfo(String message) {
        log.debug(message);
    }

    @Override
    public void disableLogging() {}

    @Override
    public void enableLogging() {}

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {}

    @Override
    public void setStackProperties(Properties stackProperties) {}

    @Override
    public String getLoggerName() {
        return log.getName();
    }
}
