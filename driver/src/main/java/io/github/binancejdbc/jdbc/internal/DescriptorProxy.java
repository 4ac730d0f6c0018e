package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ParameterMetaData;
import java.sql.ResultSetMetaData;

/**
 * {@link ResultSetMetaData} and {@link ParameterMetaData} as users get them: a column or parameter
 * index out of range is an SQLException with SQLState 07009 (Avatica's metadata lets an {@code
 * IndexOutOfBoundsException} escape), and every other failure is translated.
 */
final class DescriptorProxy implements InvocationHandler {
  private static final Dispatch<DescriptorProxy> COLUMNS = ops(ResultSetMetaData.class);
  private static final Dispatch<DescriptorProxy> PARAMETERS = ops(ParameterMetaData.class);

  private static Dispatch<DescriptorProxy> ops(Class<?> iface) {
    return new Dispatch<DescriptorProxy>(iface)
        .identity(h -> "Binance" + iface.getSimpleName() + "{" + h.delegate + "}", h -> h.delegate);
  }

  private final Object delegate;
  private final boolean columns;
  private int count = -1;

  private DescriptorProxy(Object delegate, boolean columns) {
    this.delegate = delegate;
    this.columns = columns;
  }

  static ResultSetMetaData columns(ResultSetMetaData md) {
    return md == null ? null : (ResultSetMetaData) create(md, ResultSetMetaData.class, true);
  }

  static ParameterMetaData parameters(ParameterMetaData md) {
    return md == null ? null : (ParameterMetaData) create(md, ParameterMetaData.class, false);
  }

  private static Object create(Object md, Class<?> iface, boolean columns) {
    return Proxy.newProxyInstance(
        DescriptorProxy.class.getClassLoader(),
        new Class<?>[] {iface},
        new DescriptorProxy(md, columns));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (args != null
        && args.length == 1
        && args[0] instanceof Integer index
        && method.getParameterTypes()[0] == int.class) {
      if (count < 0) {
        count =
            columns
                ? ((ResultSetMetaData) delegate).getColumnCount()
                : ((ParameterMetaData) delegate).getParameterCount();
      }
      if (index < 1 || index > count) {
        throw ErrorTranslation.indexOutOfRange(columns, String.valueOf(index), null);
      }
    }
    return (columns ? COLUMNS : PARAMETERS).invoke(this, delegate, proxy, method, args);
  }
}
