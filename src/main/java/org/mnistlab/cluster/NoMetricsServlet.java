package org.mnistlab.cluster;

import com.codahale.metrics.MetricRegistry;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.metrics.sink.MetricsServlet;
import org.sparkproject.jetty.servlet.ServletContextHandler;

/**
 * Spark's metrics servlet without its web handler. The driver builds that handler even with the UI off, and
 * Spark's Jetty 11 needs a Servlet 5 class ({@code SingleThreadModel}) that Boot's Servlet 6 API no longer has.
 */
public class NoMetricsServlet extends MetricsServlet {

    public NoMetricsServlet(Properties property, MetricRegistry registry) {
        super(property, registry);
    }

    @Override
    public ServletContextHandler[] getHandlers(SparkConf conf) {
        return new ServletContextHandler[0];
    }
}
