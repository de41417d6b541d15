package dev.opsbot.alert;

import java.util.List;

/** The routes, in the order they are tried. A handful per team, so they are read whole. */
public interface AlertRoutes {

    static AlertRoutes inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoAlertRoutes(db);
    }

    /** Adds a route after every other; false, and nothing written, if one has its name. */
    boolean add(AlertRoute route);

    boolean remove(String name);

    List<AlertRoute> inOrder();
}
