package io.turso4j.tests.slt;

/** An engine reported an error (for statements: the statement failed; message for reports). */
public final class SltEngineException extends Exception {

    public SltEngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public SltEngineException(String message) {
        super(message);
    }
}
