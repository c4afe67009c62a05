package dev.berth.registry.instance;

/** Alibaba's instance states; Berth's instances are {@code RUNNING} from the moment they are made. */
public enum InstanceStatus {
    RUNNING,
    DELETING
}
