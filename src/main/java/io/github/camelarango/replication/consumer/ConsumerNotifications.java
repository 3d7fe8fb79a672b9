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
package io.github.camelarango.replication.consumer;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.JMException;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.ArangoReplicationConstants;
import io.github.camelarango.replication.cdc.ChangeStreamListener;
import io.github.camelarango.replication.cdc.ChangeStreamNotification;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.RawJson;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ManagementAgent;
import org.apache.camel.support.DefaultConsumer;

/**
 * What the changes consumer does with the engine's {@link ChangeStreamNotification}s: with the {@code notifications}
 * option, an exchange to the route in line with the changes (header {@value ArangoReplicationConstants#NOTIFICATION}
 * = the type, body Debezium's notification fields as the {@code bodyType}); always a JMX notification of this
 * MBean (registered by the consumer when JMX is enabled) once the exchange, if any, was delivered.
 * <p>
 * An exchange that failed goes to the consumer's exception handler and holds the stream at the notification: the next
 * poll sends it again, and no change after it is delivered before (at-least-once, as for a change). A notification
 * moves no position.
 */
public final class ConsumerNotifications extends NotificationBroadcasterSupport
        implements ChangeStreamListener, ConsumerNotificationsMBean {

    /** The JMX notification type prefix: {@code arango-replication.<aggregate_type>.<type>}. */
    public static final String JMX_TYPE_PREFIX = "arango-replication.";

    private final DefaultConsumer consumer;
    private final String offsetKey;
    private final BodyType bodyType;
    private final boolean toRoute;
    private final AtomicLong sequence = new AtomicLong();

    public ConsumerNotifications(DefaultConsumer consumer, String offsetKey, ArangoReplicationConsumerConfiguration options) {
        super(new MBeanNotificationInfo(jmxTypes(), Notification.class.getName(), "The change stream's snapshot "
                + "life (STARTED, COLLECTION_COMPLETED, COMPLETED, ABORTED) and lost positions (LOST, POLICY_APPLIED);"
                + " userData is the notification as JSON (aggregate_type, type, additional_data, timestamp)"));
        this.consumer = consumer;
        this.offsetKey = offsetKey;
        this.bodyType = options.bodyType();
        this.toRoute = options.isNotifications();
    }

    private static String[] jmxTypes() {
        ChangeStreamNotification.Type[] types = ChangeStreamNotification.Type.values();
        String[] names = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            names[i] = jmxType(types[i]);
        }
        return names;
    }

    static String jmxType(ChangeStreamNotification.Type type) {
        return JMX_TYPE_PREFIX + type.aggregateType() + "." + type.name();
    }

    @Override
    public boolean onNotification(ChangeStreamNotification notification) {
        RawJson json = json(notification);
        if (toRoute && !DeliveryRule.deliver(consumer, message -> {
            message.setHeader(ArangoReplicationConstants.NOTIFICATION, notification.type().name());
            message.setBody(bodyType.body(json));
        }, () -> "Notification " + notification + " was not delivered; the next poll sends it again, and no change "
                 + "after it is delivered before")) {
            return false;
        }
        Notification jmx = new Notification(jmxType(notification.type()), offsetKey, sequence.incrementAndGet(),
                notification.timestamp().toEpochMilli(), notification.toString());
        jmx.setUserData(json.toString());
        sendNotification(jmx);
        return true;
    }

    /** Debezium's notification fields: id, aggregate_type, type, additional_data, timestamp (epoch milliseconds). */
    static RawJson json(ChangeStreamNotification notification) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", UUID.randomUUID().toString());
        body.put("aggregate_type", notification.aggregateType());
        body.put("type", notification.type().name());
        ObjectNode data = body.putObject("additional_data");
        notification.additionalData().forEach(data::put);
        body.put("timestamp", notification.timestamp().toEpochMilli());
        return RawJson.of(body);
    }

    /**
     * Registers this MBean as {@code <domain>:context=<management name>,type=arango-replication,name="<mbeanName>"}
     * (the route id, or the offset key of a consumer without a route of its own) when the context has JMX enabled;
     * the handle unregisters it.
     */
    public AutoCloseable register(CamelContext context, String mbeanName) throws JMException {
        ManagementAgent agent = context.getManagementStrategy().getManagementAgent();
        if (agent == null) {
            return () -> { };
        }
        ObjectName name = new ObjectName(agent.getMBeanObjectDomainName() + ":context="
                + ObjectName.quote(context.getManagementName()) + ",type=arango-replication,name="
                + ObjectName.quote(mbeanName));
        agent.register(this, name);
        return () -> agent.unregister(name);
    }

    @Override
    public String getOffsetKey() {
        return offsetKey;
    }

    @Override
    public long getNotificationsSent() {
        return sequence.get();
    }
}
