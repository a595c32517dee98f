/** HTTP operations of policy generation: StartPolicyGeneration, Get/List generations, ListPolicyGenerationAssets. */
package com.cedarauthoring.api.generation;
