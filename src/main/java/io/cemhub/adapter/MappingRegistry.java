package io.cemhub.adapter;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The JSONata mappings of {@code cem.adapters.mappings-dir}, compiled once and cached. A file changed on
 * disk is compiled again on its next use, so "fix the mapping, then replay the quarantine" needs no
 * restart. A compiled expression keeps per-evaluation state (dashjoin JSONata is not safe for concurrent
 * evaluate), so each version keeps a small pool of compiled instances, one per concurrent caller.
 */
public class MappingRegistry {

    private static final int EXCERPT = 40;

    private final Path dir;
    private final ObjectMapper mapper;
    private final ContractedValues contracted;
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    public MappingRegistry(Path dir, ObjectMapper mapper) {
        this(dir, mapper, ContractedValues.NONE);
    }

    /** @param contracted answers the mappings' {@code $contracted(system, serviceId, name)} */
    public MappingRegistry(Path dir, ObjectMapper mapper, ContractedValues contracted) {
        this.dir = dir;
        this.mapper = mapper;
        this.contracted = contracted;
    }

    public Path dir() {
        return dir;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Whether the mappings folder holds mapping {@code name} (optional mappings, such as batch mappings). */
    public boolean exists(String name) {
        Path file = dir.resolve(name).normalize();
        return file.startsWith(dir.normalize()) && Files.isRegularFile(file);
    }

    /** Runs mapping {@code name} (a file in the mappings folder) on one input. */
    public JsonNode map(String name, JsonNode input) {
        Compiled compiled = compiled(name);
        Pooled expression = compiled.borrow();
        try {
            Object result = expression.evaluate(mapper.convertValue(input, Object.class));
            return result == null ? mapper.createArrayNode() : mapper.valueToTree(result);
        } catch (JException e) {
            throw new MappingException(describe(name, compiled.source, e), false, e);
        } catch (RuntimeException e) {
            throw new MappingException("mapping " + name + " failed: " + e, false, e);
        } finally {
            compiled.release(expression);
        }
    }

    /** Compiles (or takes from the cache) mapping {@code name}; a broken file fails here, naming itself. */
    public void check(String name) {
        compiled(name);
    }

    private Compiled compiled(String name) {
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
            throw new MappingException("mapping " + name + " not found in " + dir.toAbsolutePath(), true, null);
        }
        FileTime modified = lastModified(file);
        return cache.compute(name, (key, old) -> old != null && old.modified.equals(modified) ? old
                : compile(name, read(file), modified));
    }

    private Compiled compile(String name, String source, FileTime modified) {
        Compiled compiled = new Compiled(source, modified, contracted);
        compiled.release(compiled.parse(name)); // fails now, at load, rather than on the first message
        return compiled;
    }

    static String describe(String name, String source, JException e) {
        int at = e.getLocation();
        String where = "";
        if (at >= 0 && at <= source.length()) {
            int from = Math.max(0, at - EXCERPT);
            int to = Math.min(source.length(), at + EXCERPT);
            where = " at position " + at + " in expression \"" + source.substring(from, to).replaceAll("\\s+", " ")
                    + "\"";
        }
        return "mapping " + name + ": " + e.getMessage() + where;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + file, e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + file, e);
        }
    }

    /** One version of a mapping file and its pool of compiled expressions. */
    private static final class Compiled {
        private final String source;
        private final FileTime modified;
        private final ContractedValues contracted;
        private final Queue<Pooled> pool = new ConcurrentLinkedQueue<>();
        private volatile String name = "";

        Compiled(String source, FileTime modified, ContractedValues contracted) {
            this.source = source;
            this.modified = modified;
            this.contracted = contracted;
        }

        Pooled parse(String fileName) {
            name = fileName;
            try {
                Jsonata expression = Jsonata.jsonata(source);
                expression.registerFunction("contracted", Jsonata.function("contracted",
                        (Jsonata.Fn3<String, String, String, Double>) contracted::value, null));
                return new Pooled(expression);
            } catch (JException e) {
                throw new MappingException(describe(fileName, source, e), true, e);
            } catch (RuntimeException e) {
                throw new MappingException("mapping " + fileName + " does not compile: " + e, true, e);
            }
        }

        Pooled borrow() {
            Pooled pooled = pool.poll();
            return pooled != null ? pooled : parse(name);
        }

        void release(Pooled expression) {
            pool.offer(expression);
        }
    }

    /**
     * A compiled expression and the environment it had when compiled. dashjoin JSONata 0.9.9 leaves a new
     * frame, chained to the previous one, as the instance's environment after each evaluation of an
     * expression with variable bindings ({@code $x := ...}): the chain grows without end and every
     * lookup walks it (measured: 11,000 evaluations/s fell to 60/s). Putting the compiled environment
     * back after each evaluation keeps it flat. The field is private to the library, so it is reached
     * by reflection; should a later version rename it, the reset is skipped (and the benchmark shows it).
     */
    static final class Pooled {
        private static final java.lang.reflect.Field ENVIRONMENT = environmentField();

        private final Jsonata expression;
        private final Object environment;

        Pooled(Jsonata expression) {
            this.expression = expression;
            this.environment = read(expression);
        }

        Object evaluate(Object input) {
            try {
                return expression.evaluate(input);
            } finally {
                if (ENVIRONMENT != null) {
                    try {
                        ENVIRONMENT.set(expression, environment);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        /** Whether the expression holds the environment it was compiled with (what the reset keeps true). */
        boolean environmentIsAsCompiled() {
            return ENVIRONMENT != null && read(expression) == environment;
        }

        static Object read(Jsonata expression) {
            try {
                return ENVIRONMENT == null ? null : ENVIRONMENT.get(expression);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static java.lang.reflect.Field environmentField() {
            try {
                java.lang.reflect.Field field = Jsonata.class.getDeclaredField("environment");
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
