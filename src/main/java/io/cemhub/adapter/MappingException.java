package io.cemhub.adapter;

/**
 * A JSONata mapping could not be compiled or failed on an input. The message names the mapping file
 * and quotes the expression around the failing position, so that the fix is obvious from the log or
 * the quarantine entry alone.
 */
public class MappingException extends RuntimeException {

    private final boolean compileError;

    public MappingException(String message, boolean compileError, Throwable cause) {
        super(message, cause);
        this.compileError = compileError;
    }

    /** True when the mapping file itself is broken (not the input): every input would fail. */
    public boolean compileError() {
        return compileError;
    }
}
