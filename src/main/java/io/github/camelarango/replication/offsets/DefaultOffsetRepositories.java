/*
 * Copyright 2026 The camel-arango-replication authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelarango.replication.offsets;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import io.github.camelarango.replication.client.Require;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Where a consumer keeps its position: the offset repository it was given, or the component's default one for its
 * offset file — one started {@link AtomicFileStateRepository} per file and component, shared by every consumer of
 * the component naming that file, stopped with the component.
 */
public final class DefaultOffsetRepositories {

    private final Map<File, AtomicFileStateRepository> byFile = new HashMap<>();

    /**
     * The offset store of a consumer, started.
     *
     * @param  configured               the consumer's offsetRepository, or null for the default one of the file
     * @param  offsetFile               the consumer's offsetFile; Camel property placeholders are resolved
     * @throws IllegalArgumentException naming the option when the file cannot be used
     * @throws IllegalStateException    naming the file and the way out when its content cannot be read
     */
    public OffsetStore offsetStore(CamelContext context, StateRepository<String, String> configured,
                                   String offsetFile) {
        StateRepository<String, String> repository = configured != null ? configured : forFile(context, offsetFile);
        ServiceHelper.startService(repository); // a repository from the registry is not started by anyone else
        return new OffsetStore(repository);
    }

    private synchronized StateRepository<String, String> forFile(CamelContext context, String offsetFile) {
        String path = context.resolvePropertyPlaceholders(offsetFile);
        if (path.contains("${")) {
            throw Require.invalid("offsetFile", offsetFile,
                    "a file path; write a system property as a Camel placeholder, e.g. {{sys:user.home}}");
        }
        File file = new File(path).getAbsoluteFile();
        AtomicFileStateRepository repository = byFile.get(file);
        if (repository == null) {
            repository = new AtomicFileStateRepository(file.toPath());
            try {
                ServiceHelper.startService(repository);
            } catch (IllegalStateException unreadable) {
                throw unreadable; // names the file and the way out
            } catch (RuntimeException e) {
                IllegalArgumentException unusable = Require.invalid("offsetFile", offsetFile,
                        "a file that can be created and read; " + file + " cannot: " + e.getMessage());
                unusable.initCause(e);
                throw unusable;
            }
            byFile.put(file, repository);
        }
        return repository;
    }

    /** Stops every default repository (their content is on disk already: each state change is forced to it). */
    public synchronized void stopAll() {
        byFile.values().forEach(ServiceHelper::stopService);
        byFile.clear();
    }
}
