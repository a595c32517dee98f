/** Who is calling: principals and their roles, as the API's authenticators establish them. No HTTP here. */
package com.cedarauthoring.identity;
