package io.cemhub.adapter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes sure the adapter folders exist before Camel loads routes from them: Camel refuses to start on a
 * missing {@code file:} folder, and a hub started elsewhere than the repository (a jar in another folder)
 * should run, with no adapters and a warning that says where it looked, rather than not at all.
 */
public class AdapterFolders {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterFolders.class);

    public AdapterFolders(AdapterProperties adapters) {
        for (String folder : List.of(adapters.getDir(), adapters.getMappingsDir(), adapters.getRoutesDir())) {
            Path path = Path.of(folder).toAbsolutePath().normalize();
            if (!Files.isDirectory(path)) {
                try {
                    Files.createDirectories(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the adapter folder " + path, e);
                }
                LOG.warn("adapter folder {} did not exist and was created empty: no adapters from there "
                        + "(set cem.adapters.dir, mappings-dir, routes-dir)", path);
            }
        }
    }
}
