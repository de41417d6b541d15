package dev.opsbot.oncall;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who answers for a service right now, and where a rotation's news goes. */
public final class OnCall {

    private final Services services;
    private final Rotations rotations;

    public OnCall(Services services, Rotations rotations) {
        this.services = services;
        this.rotations = rotations;
    }

    /** The shift on call for a service at {@code t}; empty when the service has no rotation. */
    public Optional<Shift> forService(Service service, Instant t) {
        return rotationOf(service).map(r -> Shifts.at(r, t));
    }

    public Optional<Rotation> rotationOf(Service service) {
        return service.rotation() == null ? Optional.empty() : rotations.find(service.rotation());
    }

    /** The channels of the services a rotation answers for, or the channel it was created in. */
    public List<ChannelRef> channelsOf(Rotation rotation) {
        Set<ChannelRef> channels = new LinkedHashSet<>();
        for (Service s : services.usingRotation(rotation.name())) {
            channels.add(s.channel());
        }
        if (channels.isEmpty()) {
            channels.add(rotation.channel());
        }
        return List.copyOf(channels);
    }

    public List<String> servicesOf(Rotation rotation) {
        return services.usingRotation(rotation.name()).stream().map(Service::name).toList();
    }
}
