/** Review of generated assets over HTTP: {@code POST .../review}, {@code GET .../reviews}. */
package com.cedarauthoring.api.review;
