/** Tables: the column registry, one class per endpoint family, lazy paging streams. */
package io.github.binancejdbc.adapter.table;
