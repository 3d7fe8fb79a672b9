package io.github.camelarango.replication;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The default offset repositories of a component: one started {@link AtomicFileStateRepository} per file, shared by
 * every consumer naming that file (two instances over one file would overwrite each other's keys), stopped with the
 * component.
 */
final class DefaultOffsetRepositories {

    private final Map<File, AtomicFileStateRepository> byFile = new HashMap<>();

    /**
     * The started repository of the file; property placeholders such as {@code ${user.home}} are resolved first.
     *
     * @throws IllegalArgumentException naming the option when the file cannot be used
     */
    synchronized StateRepository<String, String> forFile(CamelContext context, String offsetFile) {
        if (offsetFile == null || offsetFile.isBlank()) {
            throw new IllegalArgumentException("Invalid value for option offsetFile: '" + offsetFile
                    + "'; allowed is a file path (or set offsetRepository)");
        }
        File file = new File(resolve(context, offsetFile)).getAbsoluteFile();
        AtomicFileStateRepository repository = byFile.get(file);
        if (repository == null) {
            repository = new AtomicFileStateRepository(file.toPath());
            try {
                ServiceHelper.startService(repository);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid value for option offsetFile: '" + offsetFile
                        + "'; the file " + file + " cannot be created or read: " + e.getMessage(), e);
            }
            byFile.put(file, repository);
        }
        return repository;
    }

    /** Stops every repository (their content is on disk already: each state change rewrites its file). */
    synchronized void stopAll() {
        byFile.values().forEach(ServiceHelper::stopService);
        byFile.clear();
    }

    /** Resolves Camel property placeholders and {@code ${user.home}}-style system properties. */
    private static String resolve(CamelContext context, String path) {
        String resolved = context.resolvePropertyPlaceholders(path);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < resolved.length()) {
            int start = resolved.indexOf("${", i);
            int end = start < 0 ? -1 : resolved.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(resolved, i, resolved.length());
                break;
            }
            String name = resolved.substring(start + 2, end);
            String value = System.getProperty(name);
            if (value == null) {
                throw new IllegalArgumentException("Invalid value for option offsetFile: '" + path
                        + "'; the system property '" + name + "' is not set");
            }
            out.append(resolved, i, start).append(value);
            i = end + 1;
        }
        return out.toString();
    }
}
