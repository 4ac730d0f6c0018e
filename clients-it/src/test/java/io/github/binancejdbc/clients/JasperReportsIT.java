package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JasperReports report filled over the driver with {@code java.sql.Date} and {@code Timestamp}
 * parameters, as a report server does: the parameters mean the UTC wall clock they spell, and the
 * report shows the UTC digits, in this JVM under Asia/Tokyo as in any zone.
 */
class JasperReportsIT {
  @RegisterExtension static final OfflineBinance exchange = new OfflineBinance();

  private static final String JRXML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <jasperReport xmlns="http://jasperreports.sourceforge.net/jasperreports"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://jasperreports.sourceforge.net/jasperreports http://jasperreports.sourceforge.net/xsd/jasperreport.xsd"
          name="bars" pageWidth="595" pageHeight="842" columnWidth="555" leftMargin="20"
          rightMargin="20" topMargin="20" bottomMargin="20">
        <property name="net.sf.jasperreports.awt.ignore.missing.font" value="true"/>
        <parameter name="FROM" class="java.sql.Date"/>
        <parameter name="TO" class="java.sql.Timestamp"/>
        <queryString><![CDATA[SELECT open_time, close_price FROM klines
          WHERE symbol = 'BTCUSDT' AND timeframe = '1h'
          AND open_time >= $P{FROM} AND open_time < $P{TO} ORDER BY open_time]]></queryString>
        <field name="open_time" class="java.sql.Timestamp"/>
        <field name="close_price" class="java.math.BigDecimal"/>
        <detail>
          <band height="20">
            <textField>
              <reportElement x="0" y="0" width="250" height="20"/>
              <textFieldExpression><![CDATA[$F{open_time}.toString()]]></textFieldExpression>
            </textField>
            <textField>
              <reportElement x="250" y="0" width="250" height="20"/>
              <textFieldExpression><![CDATA[$F{close_price}.toPlainString()]]></textFieldExpression>
            </textField>
          </band>
        </detail>
      </jasperReport>
      """;

  @Test
  void reportWithDateAndTimestampParametersHasTheRightRows() throws Exception {
    System.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "true");
    JasperReport report =
        JasperCompileManager.compileReport(
            new ByteArrayInputStream(JRXML.getBytes(StandardCharsets.UTF_8)));
    Map<String, Object> params = new HashMap<>();
    params.put("FROM", Date.valueOf("2024-01-02"));
    params.put("TO", Timestamp.valueOf("2024-01-02 03:00:00"));
    JasperPrint print;
    try (Connection c = DriverManager.getConnection(exchange.url())) {
      print = JasperFillManager.fillReport(report, params, c);
    }
    List<String> cells = new ArrayList<>();
    for (JRPrintPage page : print.getPages()) {
      for (JRPrintElement e : page.getElements()) {
        if (e instanceof JRPrintText t) {
          cells.add(t.getFullText());
        }
      }
    }
    String query =
        "symbol=BTCUSDT&interval=1h&startTime=1704153600000&endTime=1704164399999&limit=1000";
    assertEquals(List.of(query), exchange.queries("/api/v3/klines"));
    // Each bar's UTC open time and its close price exactly as the exchange sent it.
    List<Object> bars = JsonText.list(exchange.json("/api/v3/klines?" + query));
    assertEquals(3, bars.size());
    List<String> expected = new ArrayList<>();
    for (Object bar : bars) {
      expected.add(OfflineBinance.wallClock(JsonText.at(bar, 0)));
      expected.add(JsonText.at(bar, 4));
    }
    assertEquals(
        List.of("2024-01-02 00:00:00.0", "2024-01-02 01:00:00.0", "2024-01-02 02:00:00.0"),
        List.of(expected.get(0), expected.get(2), expected.get(4)));
    assertEquals(expected, cells);
  }
}
