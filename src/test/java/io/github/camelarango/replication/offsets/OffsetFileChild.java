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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.camelarango.replication.ChildJvm;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The main of a second process on an offset file ({@link ChildJvm}): {@code <file> <key> <count>} starts an
 * {@link AtomicFileStateRepository} on the file, says READY, and after GO sets {@code key} to {@code 0 .. count-1},
 * one write each, then says DONE.
 */
public final class OffsetFileChild {

    private OffsetFileChild() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFileStateRepository repository = new AtomicFileStateRepository(Path.of(args[0]));
        ServiceHelper.startService(repository);
        System.out.println("READY");
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if ("GO".equals(input.readLine())) {
            int count = Integer.parseInt(args[2]);
            for (int i = 0; i < count; i++) {
                repository.setState(args[1], Integer.toString(i));
            }
            System.out.println("DONE");
        }
        ServiceHelper.stopService(repository);
    }
}
