var oe,k,Me,Pt,B,De,Ne,Ue,me,ee,G,Fe,ge,_e,fe,$t,re={},ie=[],Mt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,ae=Array.isArray;function L(e,t){for(var r in t)e[r]=t[r];return e}function ye(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Nt(e,t,r){var i,o,s,c={};for(s in t)s=="key"?i=t[s]:s=="ref"?o=t[s]:c[s]=t[s];if(arguments.length>2&&(c.children=arguments.length>3?oe.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)c[s]===void 0&&(c[s]=e.defaultProps[s]);return te(e,c,i,o,null)}function te(e,t,r,i,o){var s={type:e,props:t,key:r,ref:i,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:o??++Me,__i:-1,__u:0};return o==null&&k.vnode!=null&&k.vnode(s),s}function b(e){return e.children}function ne(e,t){this.props=e,this.context=t}function W(e,t){if(t==null)return e.__?W(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?W(e):null}function Ut(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,i=[],o=[],s=L({},t);s.__v=t.__v+1,k.vnode&&k.vnode(s),ve(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,i,r??W(t),!!(32&t.__u),o),s.__v=t.__v,s.__.__k[s.__i]=s,Be(i,s,o),t.__e=t.__=null,s.__e!=r&&qe(s)}}function qe(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),qe(e)}function Ce(e){(!e.__d&&(e.__d=!0)&&B.push(e)&&!se.__r++||De!=k.debounceRendering)&&((De=k.debounceRendering)||Ne)(se)}function se(){try{for(var e,t=1;B.length;)B.length>t&&B.sort(Ue),e=B.shift(),t=B.length,Ut(e)}finally{B.length=se.__r=0}}function Le(e,t,r,i,o,s,c,u,p,l,m){var _,a,d,y,S,g,v=i&&i.__k||ie,h=t.length;for(p=Ft(r,t,v,p,h),_=0;_<h;_++)(d=r.__k[_])!=null&&(a=d.__i!=-1&&v[d.__i]||re,d.__i=_,g=ve(e,d,a,o,s,c,u,p,l,m),y=d.__e,d.ref&&a.ref!=d.ref&&(a.ref&&he(a.ref,null,d),m.push(d.ref,d.__c||y,d)),S==null&&y!=null&&(S=y),4&d.__u?(p=He(d,p,e),a.__e&&(a.__e=null)):typeof d.type=="function"&&g!==void 0?p=g:y&&(p=y.nextSibling),d.__u&=-7);return r.__e=S,p}function Ft(e,t,r,i,o){var s,c,u,p,l,m=r.length,_=m,a=0;for(e.__k=new Array(o),s=0;s<o;s++)(c=t[s])!=null&&typeof c!="boolean"&&typeof c!="function"?(typeof c=="string"||typeof c=="number"||typeof c=="bigint"||c.constructor==String?c=e.__k[s]=te(null,c,null,null,null):ae(c)?c=e.__k[s]=te(b,{children:c},null,null,null):c.constructor===void 0&&c.__b>0?c=e.__k[s]=te(c.type,c.props,c.key,c.ref?c.ref:null,c.__v):e.__k[s]=c,p=s+a,c.__=e,c.__b=e.__b+1,u=null,(l=c.__i=qt(c,r,p,_))!=-1&&(_--,(u=r[l])&&(u.__u|=2)),u==null||u.__v==null?(l==-1&&(o>m?a--:o<m&&a++),typeof c.type!="function"&&(c.__u|=4)):l!=p&&(l==p-1?a--:l==p+1?a++:(l>p?a--:a++,c.__u|=4))):e.__k[s]=null;if(_)for(s=0;s<m;s++)(u=r[s])!=null&&(2&u.__u)==0&&(u.__e==i&&(i=W(u)),Oe(u,u));return i}function He(e,t,r){var i,o;if(typeof e.type=="function"){for(i=e.__k,o=0;i&&o<i.length;o++)i[o]&&(i[o].__=e,t=He(i[o],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=W(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function qt(e,t,r,i){var o,s,c,u=e.key,p=e.type,l=t[r],m=l!=null&&(2&l.__u)==0;if(l===null&&u==null||m&&u==l.key&&p==l.type)return r;if(i>(m?1:0)){for(o=r-1,s=r+1;o>=0||s<t.length;)if((l=t[c=o>=0?o--:s++])!=null&&(2&l.__u)==0&&u==l.key&&p==l.type)return c}return-1}function Pe(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||Mt.test(t)?r:r+"px"}function Z(e,t,r,i,o){var s,c;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof i=="string"&&(e.style.cssText=i=""),i)for(t in i)r&&t in r||Pe(e.style,t,"");if(r)for(t in r)i&&r[t]==i[t]||Pe(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace(Fe,"$1")),c=t.toLowerCase(),t=c in e||t=="onFocusOut"||t=="onFocusIn"?c.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=r,r?i?r[G]=i[G]:(r[G]=ge,e.addEventListener(t,s?fe:_e,s)):e.removeEventListener(t,s?fe:_e,s);else{if(o=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function $e(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[ee]==null)t[ee]=ge++;else if(t[ee]<r[G])return;return r(k.event?k.event(t):t)}}}function ve(e,t,r,i,o,s,c,u,p,l){var m,_,a,d,y,S,g,v,h,R,D,C,w,N,K,Y,M=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(p=!!(32&r.__u),s=[u=t.__e=r.__e]),(m=k.__b)&&m(t);e:if(typeof M=="function"){_=c.length;try{if(h=t.props,R=M.prototype&&M.prototype.render,D=(m=M.contextType)&&i[m.__c],C=m?D?D.props.value:m.__:i,r.__c?v=(a=t.__c=r.__c).__=a.__E:(R?t.__c=a=new M(h,C):(t.__c=a=new ne(h,C),a.constructor=M,a.render=Ht),D&&D.sub(a),a.state||(a.state={}),a.__n=i,d=a.__d=!0,a.__h=[],a._sb=[]),R&&a.__s==null&&(a.__s=a.state),R&&M.getDerivedStateFromProps!=null&&(a.__s==a.state&&(a.__s=L({},a.__s)),L(a.__s,M.getDerivedStateFromProps(h,a.__s))),y=a.props,S=a.state,a.__v=t,d)R&&M.getDerivedStateFromProps==null&&a.componentWillMount!=null&&a.componentWillMount(),R&&a.componentDidMount!=null&&a.__h.push(a.componentDidMount);else{if(R&&M.getDerivedStateFromProps==null&&h!==y&&a.componentWillReceiveProps!=null&&a.componentWillReceiveProps(h,C),t.__v==r.__v||!a.__e&&a.shouldComponentUpdate!=null&&a.shouldComponentUpdate(h,a.__s,C)===!1){t.__v!=r.__v&&(a.props=h,a.state=a.__s,a.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(T){T&&(T.__=t)}),ie.push.apply(a.__h,a._sb),a._sb=[],a.__h.length&&c.push(a),u=W(r);break e}a.componentWillUpdate!=null&&a.componentWillUpdate(h,a.__s,C),R&&a.componentDidUpdate!=null&&a.__h.push(function(){a.componentDidUpdate(y,S,g)})}if(a.context=C,a.props=h,a.__P=e,a.__e=!1,w=k.__r,N=0,R)a.state=a.__s,a.__d=!1,w&&w(t),m=a.render(a.props,a.state,a.context),ie.push.apply(a.__h,a._sb),a._sb=[];else do a.__d=!1,w&&w(t),m=a.render(a.props,a.state,a.context),a.state=a.__s;while(a.__d&&++N<25);a.state=a.__s,a.getChildContext!=null&&(i=L(L({},i),a.getChildContext())),R&&!d&&a.getSnapshotBeforeUpdate!=null&&(g=a.getSnapshotBeforeUpdate(y,S)),K=m!=null&&m.type===b&&m.key==null?Ve(m.props.children):m,u=Le(e,ae(K)?K:[K],t,r,i,o,s,c,u,p,l),a.base=t.__e,t.__u&=-161,a.__h.length&&c.push(a),v&&(a.__E=a.__=null)}catch(T){if(c.length=_,t.__v=null,p||s!=null){if(T.then){for(t.__u|=p?160:128;u&&u.nodeType==8&&u.nextSibling;)u=u.nextSibling;s!=null&&(s[s.indexOf(u)]=null),t.__e=u}else if(s!=null)for(Y=s.length;Y--;)ye(s[Y])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),T.then||Qe(t),k.__e(T,t,r)}}else s==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):u=t.__e=Lt(r.__e,t,r,i,o,s,c,p,l);return(m=k.diffed)&&m(t),128&t.__u?void 0:u}function Qe(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Qe))}function Be(e,t,r){for(var i=0;i<r.length;i++)he(r[i],r[++i],r[++i]);k.__c&&k.__c(t,e),e.some(function(o){try{e=o.__h,o.__h=[],e.some(function(s){s.call(o)})}catch(s){k.__e(s,o.__v)}})}function Ve(e){return typeof e!="object"||e==null||e.__b>0?e:ae(e)?e.map(Ve):e.constructor!==void 0?null:L({},e)}function Lt(e,t,r,i,o,s,c,u,p){var l,m,_,a,d,y,S,g=r.props||re,v=t.props,h=t.type;if(h=="svg"?o="http://www.w3.org/2000/svg":h=="math"?o="http://www.w3.org/1998/Math/MathML":o||(o="http://www.w3.org/1999/xhtml"),s!=null){for(l=0;l<s.length;l++)if((d=s[l])&&"setAttribute"in d==!!h&&(h?d.localName==h:d.nodeType==3)){e=d,s[l]=null;break}}if(e==null){if(h==null)return document.createTextNode(v);e=document.createElementNS(o,h,v.is&&v),u&&(k.__m&&k.__m(t,s),u=!1),s=null}if(h==null)g===v||u&&e.data==v||(e.data=v);else{if(s=h=="textarea"&&v.defaultValue!=null?null:s&&oe.call(e.childNodes),!u&&s!=null)for(g={},l=0;l<e.attributes.length;l++)g[(d=e.attributes[l]).name]=d.value;for(l in g)d=g[l],l=="dangerouslySetInnerHTML"?_=d:l=="children"||l in v||l=="value"&&"defaultValue"in v||l=="checked"&&"defaultChecked"in v||Z(e,l,null,d,o);for(l in v)d=v[l],l=="children"?a=d:l=="dangerouslySetInnerHTML"?m=d:l=="value"?y=d:l=="checked"?S=d:u&&typeof d!="function"||g[l]===d||Z(e,l,d,g[l],o);if(m)u||_&&(m.__html==_.__html||m.__html==e.innerHTML)||(e.innerHTML=m.__html),t.__k=[];else if(_&&(e.innerHTML=""),Le(t.type=="template"?e.content:e,ae(a)?a:[a],t,r,i,h=="foreignObject"?"http://www.w3.org/1999/xhtml":o,s,c,s?s[0]:r.__k&&W(r,0),u,p),s!=null)for(l=s.length;l--;)ye(s[l]);u&&h!="textarea"||(l="value",h=="progress"&&y==null?e.removeAttribute("value"):y!=null&&(y!==e[l]||h=="progress"&&!y||h=="option"&&y!=g[l])&&Z(e,l,y,g[l],o),l="checked",S!=null&&S!=e[l]&&Z(e,l,S,g[l],o))}return e}function he(e,t,r){try{if(typeof e=="function"){var i=typeof e.__u=="function";i&&e.__u(),i&&t==null||(e.__u=e(t))}else e.current=t}catch(o){k.__e(o,r)}}function Oe(e,t,r){var i,o;if(k.unmount&&k.unmount(e),(i=e.ref)&&(i.current&&i.current!=e.__e||he(i,null,t)),(i=e.__c)!=null){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(s){k.__e(s,t)}i.base=i.__P=i.__n=null}if(i=e.__k)for(o=0;o<i.length;o++)i[o]&&Oe(i[o],t,r||typeof e.type!="function");r||ye(e.__e),e.__c=e.__=e.__e=void 0}function Ht(e,t,r){return this.constructor(e,r)}function Ke(e,t,r){var i,o,s,c;t==document&&(t=document.documentElement),k.__&&k.__(e,t),o=(i=typeof r=="function")?null:r&&r.__k||t.__k,s=[],c=[],ve(t,e=(!i&&r||t).__k=Nt(b,null,[e]),o||re,re,t.namespaceURI,!i&&r?[r]:o?null:t.firstChild?oe.call(t.childNodes):null,s,!i&&r?r:o?o.__e:t.firstChild,i,c),Be(s,e,c),e.props.children=null}oe=ie.slice,k={__e:function(e,t,r,i){for(var o,s,c;t=t.__;)if((o=t.__c)&&!o.__)try{if((s=o.constructor)&&s.getDerivedStateFromError!=null&&(o.setState(s.getDerivedStateFromError(e)),c=o.__d),o.componentDidCatch!=null&&(o.componentDidCatch(e,i||{}),c=o.__d),c)return o.__E=o}catch(u){e=u}throw e}},Me=0,Pt=function(e){return e!=null&&e.constructor===void 0},ne.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=L({},this.state),typeof e=="function"&&(e=e(L({},r),this.props)),e&&L(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),Ce(this))},ne.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Ce(this))},ne.prototype.render=b,B=[],Ne=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Ue=function(e,t){return e.__v.__b-t.__v.__b},se.__r=0,me=Math.random().toString(8),ee="__d"+me,G="__a"+me,Fe=/(PointerCapture)$|Capture$/i,ge=0,_e=$e(!1),fe=$e(!0),$t=0;var J,x,we,We,ue=0,et=[],I=k,ze=I.__b,je=I.__r,Ye=I.diffed,Ge=I.__c,Je=I.unmount,Xe=I.__;function Se(e,t){I.__h&&I.__h(x,e,ue||t),ue=0;var r=x.__H||(x.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function f(e){return ue=1,Qt(nt,e)}function Qt(e,t,r){var i=Se(J++,2);if(i.t=e,!i.__c&&(i.__=[r?r(t):nt(void 0,t),function(u){var p=i.__N?i.__N[0]:i.__[0],l=i.t(p,u);p!==l&&(i.__N=[l,i.__[1]],i.__c.setState({}))}],i.__c=x,!x.__f)){var o=function(u,p,l){if(!i.__c.__H)return!0;var m=!1,_=i.__c.props!==u;if(i.__c.__H.__.some(function(d){if(d.__N){m=!0;var y=d.__[0];d.__=d.__N,d.__N=void 0,y!==d.__[0]&&(_=!0)}}),s){var a=s.call(this,u,p,l);return m?a||_:a}return!m||_};x.__f=!0;var s=x.shouldComponentUpdate,c=x.componentWillUpdate;x.componentWillUpdate=function(u,p,l){if(this.__e){var m=s;s=void 0,o(u,p,l),s=m}c&&c.call(this,u,p,l)},x.shouldComponentUpdate=o}return i.__N||i.__}function A(e,t){var r=Se(J++,3);!I.__s&&tt(r.__H,t)&&(r.__=e,r.u=t,x.__H.__h.push(r))}function V(e){return ue=5,Bt(function(){return{current:e}},[])}function Bt(e,t){var r=Se(J++,7);return tt(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function Vt(){for(var e;e=et.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(le),t.__h.some(be),t.__h=[]}catch(r){t.__h=[],I.__e(r,e.__v)}}}I.__b=function(e){x=null,ze&&ze(e)},I.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Xe&&Xe(e,t)},I.__r=function(e){je&&je(e),J=0;var t=(x=e.__c).__H;t&&(we===x?(t.__h=[],x.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(le),t.__h.some(be),t.__h=[],J=0)),we=x},I.diffed=function(e){Ye&&Ye(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(et.push(t)!==1&&We===I.requestAnimationFrame||((We=I.requestAnimationFrame)||Ot)(Vt)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),we=x=null},I.__c=function(e,t){t.some(function(r){try{r.__h.some(le),r.__h=r.__h.filter(function(i){return!i.__||be(i)})}catch(i){t.some(function(o){o.__h&&(o.__h=[])}),t=[],I.__e(i,r.__v)}}),Ge&&Ge(e,t)},I.unmount=function(e){Je&&Je(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(i){try{le(i)}catch(o){t=o}}),r.__H=void 0,t&&I.__e(t,r.__v))};var Ze=typeof requestAnimationFrame=="function";function Ot(e){var t,r=function(){clearTimeout(i),Ze&&cancelAnimationFrame(t),setTimeout(e)},i=setTimeout(r,35);Ze&&(t=requestAnimationFrame(r))}function le(e){var t=x,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),x=t}function be(e){var t=x;e.__c=e.__(),x=t}function tt(e,t){return!e||e.length!==t.length||t.some(function(r,i){return r!==e[i]})}function nt(e,t){return typeof t=="function"?t(e):t}var Kt=0;function n(e,t,r,i,o,s){t||(t={});var c,u,p=t;if("ref"in p)for(u in p={},t)u=="ref"?c=t[u]:p[u]=t[u];var l={type:e,props:p,key:r,ref:c,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Kt,__i:-1,__u:0,__source:o,__self:s};if(typeof e=="function"&&(c=e.defaultProps))for(u in c)p[u]===void 0&&(p[u]=c[u]);return k.vnode&&k.vnode(l),l}function rt(){let[e,t]=f("");return n(b,{children:[n("h1",{children:"debrief"}),n("p",{class:"lead",children:"Asynchronous interviews: candidates answer questions by voice, in their own time; debrief stores each answer compactly, transcribes and analyses it, and shows interviewers the results."}),n("section",{"aria-labelledby":"take",children:[n("h2",{id:"take",children:"Take an interview"}),n("p",{children:"If you were sent a link, open it. For a public interview, enter its key."}),n("form",{class:"inline",onSubmit:r=>{r.preventDefault(),e.trim()&&location.assign(`/interview/${encodeURIComponent(e.trim())}`)},children:[n("label",{for:"interview-key",children:"Interview key"}),n("input",{id:"interview-key",value:e,onInput:r=>t(r.currentTarget.value),required:!0}),n("button",{type:"submit",children:"Open"})]})]}),n("section",{"aria-labelledby":"review",children:[n("h2",{id:"review",children:"Review answers"}),n("p",{children:["Interviewers: ",n("a",{href:"/review",children:"review sessions"})," with your API key."]})]}),n("section",{"aria-labelledby":"develop",children:[n("h2",{id:"develop",children:"Build on it"}),n("p",{children:["Everything here uses the public GraphQL API: explore it in the"," ",n("a",{href:"/graphql",children:"GraphQL explorer"})," (works offline). Health: ",n("a",{href:"/healthz",children:"/healthz"}),"."]})]})]})}var U=class extends Error{},X=class extends U{};function Wt(e){let t={"Content-Type":"application/json"};return e&&(t.Authorization=`Bearer ${e}`),t}function it(e){let t=e.errors?.map(r=>r.message).join("; ");if(e.errors?.some(r=>r.extensions?.code==="UNAUTHENTICATED"))throw new X(t);if(t)throw new U(t);if(!e.data)throw new U("The server sent no data.");return e.data}async function E(e,t,r){let i=await fetch("/graphql",{method:"POST",headers:Wt(r),body:JSON.stringify({query:e.toString(),variables:t})});if(!i.ok&&i.status!==400&&i.status!==401)throw new U(`The server answered HTTP ${i.status}.`);return it(await i.json())}var z=class extends Error{};function st(e,t,r,i,o,s){let c=new FormData;return c.append("operations",JSON.stringify({query:e.toString(),variables:t})),c.append("map",JSON.stringify({0:["variables.file"]})),c.append("0",r,i),new Promise((u,p)=>{let l=new XMLHttpRequest;l.open("POST","/graphql"),l.setRequestHeader("Authorization",`Bearer ${o}`),l.upload.onprogress=m=>{m.lengthComputable&&s(m.loaded/m.total)},l.onerror=()=>p(new z("The upload was interrupted.")),l.ontimeout=()=>p(new z("The upload timed out.")),l.onload=()=>{if(l.status===429||l.status>=500){p(new z(`The server answered HTTP ${l.status}.`));return}try{u(it(JSON.parse(l.responseText)))}catch(m){p(m instanceof U?m:new U(`HTTP ${l.status}`))}},l.send(c)})}async function ot(e,{tries:t=4,firstDelayMs:r=1e3}={}){for(let i=1;;i++)try{return await e(i)}catch(o){if(!(o instanceof z)||i>=t)throw o;await new Promise(s=>setTimeout(s,r*2**(i-1)))}}var P=class extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}},hn=new P(`
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}
    `,{fragmentName:"ReviewFields"}),at=new P(`
    query CandidateSession {
  candidateSession {
    id
    status
    candidateName
    expiresAt
    interview {
      title
      maxRetakes
      questions {
        id
        position
        text
        timeLimitSeconds
      }
    }
    recordings {
      id
      status
      question {
        id
      }
    }
  }
}
    `),lt=new P(`
    mutation UploadAnswer($sessionId: ID!, $questionId: ID!, $file: Upload!, $idempotencyKey: String) {
  uploadRecording(
    sessionId: $sessionId
    questionId: $questionId
    file: $file
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ... on Recording {
      id
      durationSeconds
      sizeBytes
      codec
    }
    ... on UserError {
      message
    }
  }
}
    `),ut=new P(`
    mutation SubmitAnswers($sessionId: ID!) {
  submitSession(sessionId: $sessionId) {
    __typename
    ... on Session {
      id
      status
    }
    ... on UserError {
      message
    }
  }
}
    `),ct=new P(`
    query PublicInterview($key: String!) {
  interview(key: $key) {
    key
    title
    questions {
      id
    }
  }
}
    `),dt=new P(`
    mutation StartPublicSession($interviewKey: String!, $candidateName: String, $candidateEmail: String) {
  startSession(
    interviewKey: $interviewKey
    candidateName: $candidateName
    candidateEmail: $candidateEmail
  ) {
    __typename
    ... on StartSessionResult {
      uploadToken
      session {
        id
      }
    }
    ... on UserError {
      message
    }
  }
}
    `),pt=new P(`
    query InterviewSessions($key: String!, $first: Int!, $after: String) {
  interview(key: $key) {
    key
    title
    questions {
      id
    }
    sessions(first: $first, after: $after) {
      nodes {
        id
        status
        candidateName
        createdAt
        submittedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `),ke=new P(`
    query ReviewSession($id: ID!) {
  session(id: $id) {
    id
    status
    candidateName
    createdAt
    submittedAt
    expiresAt
    failureReason
    reviews {
      ...ReviewFields
    }
    reviewSummary {
      averageRating
      decisions {
        decision
        count
      }
    }
    interview {
      key
      title
    }
    analysis {
      score
      summary
      recommendation
      provider
      model
    }
    recordings {
      id
      status
      durationSeconds
      speechSeconds
      sizeBytes
      codec
      question {
        id
        position
        text
      }
      transcript {
        text
        provider
        model
        segments {
          start
          end
          text
        }
      }
      analysis {
        score
        summary
        strengths
        concerns
        provider
        metrics {
          wordsPerMinute
          fillerRate
          speechSeconds
          wordCount
        }
      }
      reviews {
        ...ReviewFields
      }
    }
  }
}
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}`),mt=new P(`
    mutation RateAnswer($recordingId: ID!, $rating: Int!, $comment: String) {
  reviewRecording(recordingId: $recordingId, rating: $rating, comment: $comment) {
    __typename
    ... on Review {
      ...ReviewFields
    }
    ... on UserError {
      message
    }
  }
}
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}`),_t=new P(`
    mutation DecideSession($sessionId: ID!, $decision: ReviewDecision!, $comment: String) {
  reviewSession(sessionId: $sessionId, decision: $decision, comment: $comment) {
    __typename
    ... on Review {
      ...ReviewFields
    }
    ... on UserError {
      message
    }
  }
}
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}`),ft=new P(`
    query SessionCost($interviewKey: String!) {
  costReport(interviewKey: $interviewKey) {
    sessionCosts {
      sessionId
      costUsd
    }
    pricesAsOf
  }
}
    `),gt=new P(`
    query PlayRecording($id: ID!) {
  recording(id: $id) {
    id
    downloadUrl {
      __typename
      ... on DownloadUrl {
        url
        expiresAt
      }
      ... on ArchivedRecording {
        storageClass
        restoreStatus
      }
    }
  }
}
    `),yt=new P(`
    query MyInterviews($first: Int!) {
  interviews(first: $first) {
    key
    title
    public
    questions {
      id
    }
  }
}
    `);function vt({children:e}){return n(b,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"site",children:[n("a",{class:"brand",href:"/",children:"debrief"}),n("nav",{"aria-label":"Site",children:[n("a",{href:"/review",children:"Review"}),n("a",{href:"/graphql",children:"GraphQL explorer"})]})]}),n("main",{id:"main",tabIndex:-1,children:e})]})}function j({children:e,level:t=1}){let r=V(null);return A(()=>r.current?.focus(),[]),n(t===1?"h1":"h2",{ref:r,tabIndex:-1,children:e})}function $({message:e}){return n("p",{class:"error",role:"alert",children:e??""})}function H(e){if(e==null)return"—";let t=Math.max(0,Math.round(e));return`${Math.floor(t/60)}:${String(t%60).padStart(2,"0")}`}function ce(e){return e<1024?`${e} B`:`${(e/1024).toFixed(1)} KB`}function F(e){return e?new Date(e).toLocaleString():"—"}function de(e){return e.replace(/_/g," ").toLowerCase()}function zt(e){return`/record#token=${encodeURIComponent(e)}`}function ht({interviewKey:e}){let[t,r]=f(void 0),[i,o]=f(""),[s,c]=f(""),[u,p]=f(null),[l,m]=f(!1);if(A(()=>{E(ct,{key:e},null).then(d=>r(d.interview)).catch(d=>p(d.message))},[e]),t===void 0)return n("p",{"aria-busy":"true",children:u??"Loading the interview…"});if(t===null)return n(b,{children:[n("h1",{children:"Interview not found"}),n("p",{children:["There is no public interview with the key “",e,"”. If you were invited, use the link in your invitation."]})]});let _=async d=>{d.preventDefault(),m(!0),p(null);try{let{startSession:y}=await E(dt,{interviewKey:e,candidateName:i||null,candidateEmail:s||null},null);if(y.__typename!=="StartSessionResult"){p(y.message);return}location.assign(zt(y.uploadToken))}catch(y){p(y.message)}finally{m(!1)}},a=t.questions.length;return n(b,{children:[n("h1",{children:t.title}),n("p",{children:[a," question",a===1?"":"s",", answered by voice. You will need a microphone; you can listen to each answer before you send it."]}),n("form",{class:"stack",onSubmit:_,children:[n("label",{for:"candidate-name",children:"Your name"}),n("input",{id:"candidate-name",autocomplete:"name",value:i,required:!0,onInput:d=>o(d.currentTarget.value)}),n("label",{for:"candidate-email",children:"Email (optional)"}),n("input",{id:"candidate-email",type:"email",autocomplete:"email",value:s,onInput:d=>c(d.currentTarget.value)}),n("button",{type:"submit",disabled:l,children:l?"Starting…":"Start the interview"})]}),n($,{message:u})]})}var jt=["audio/ogg;codecs=opus","audio/webm;codecs=opus"];function wt(){let e=document.querySelector('meta[name="debrief-recorder-bitrate-bps"]'),t=Number(e?.content);return Number.isFinite(t)&&t>0?t:12e3}function bt(){return typeof MediaRecorder>"u"?null:jt.find(e=>MediaRecorder.isTypeSupported(e))??null}var O=class extends Error{};async function St(){if(!navigator.mediaDevices?.getUserMedia)throw new O("This browser cannot record audio here. Use a current browser over https or localhost.");try{return await navigator.mediaDevices.getUserMedia({audio:{channelCount:1,echoCancellation:!0,noiseSuppression:!0}})}catch(e){let t=e instanceof DOMException?e.name:"";throw t==="NotAllowedError"||t==="SecurityError"?new O("Microphone access was refused. Allow the microphone for this site in your browser's settings, then press “Allow microphone” again."):t==="NotFoundError"?new O("No microphone was found. Connect one and try again."):new O(`The microphone could not be opened (${t||"unknown error"}).`)}}var pe=class{recorder;chunks=[];startedAt=performance.now();finished;constructor(t,r,i){this.recorder=new MediaRecorder(t,{mimeType:r,audioBitsPerSecond:i}),this.finished=new Promise((o,s)=>{this.recorder.ondataavailable=c=>{c.data.size>0&&this.chunks.push(c.data)},this.recorder.onerror=()=>s(new Error("The recording failed.")),this.recorder.onstop=()=>o({blob:new Blob(this.chunks,{type:r}),mimeType:r,durationS:(performance.now()-this.startedAt)/1e3})}),this.recorder.start()}stop(){return this.recorder.state!=="inactive"&&this.recorder.stop(),this.finished}};function Yt(e){return new URLSearchParams(e.replace(/^#/,"")).get("token")}var Gt=2**31-1;function Jt(e){let t=e?Date.parse(e):null,[r,i]=f(()=>t!=null&&Date.now()>=t);return A(()=>{if(t==null)return;let o=0,s=()=>{let c=t-Date.now();c<=0?i(!0):o=window.setTimeout(s,Math.min(c,Gt))};return s(),()=>clearTimeout(o)},[t]),r}function Xt(){return crypto.randomUUID?.()??`${Date.now()}-${Math.random().toString(16).slice(2)}`}function kt(){let e=Yt(location.hash),[t,r]=f(void 0),[i,o]=f(null),[s,c]=f(!1),[u,p]=f(!1),l=Jt(t?.expiresAt);return A(()=>{e&&E(at,{},e).then(m=>r(m.candidateSession)).catch(m=>m instanceof X?r(null):o(m.message))},[e]),e?t===void 0?n("p",{"aria-busy":"true",children:i??"Loading your interview…"}):t===null?n(b,{children:[n("h1",{children:"Link not valid"}),n("p",{children:"This recording link has expired or is not valid. Ask the interviewer for a new one."})]}):!s&&(t.status==="EXPIRED"||u||l&&t.status==="IN_PROGRESS")?n(b,{children:[n(j,{children:"Link expired"}),n("p",{children:[t.expiresAt?n(b,{children:["The deadline for “",t.interview.title,"” passed on"," ",n("time",{dateTime:t.expiresAt,children:F(t.expiresAt)}),"."," "]}):"This interview can no longer be answered. ","Answers can no longer be sent. Ask the interviewer to extend the deadline or send a new link."]})]}):s||t.status!=="IN_PROGRESS"?n(b,{children:[n(j,{children:"Thank you"}),n("p",{children:["Your answers to “",t.interview.title,"” have been sent. You can close this page."]})]}):n(Zt,{session:t,token:e,onSubmitted:()=>c(!0),onExpired:()=>p(!0)}):n(b,{children:[n("h1",{children:"Recording link incomplete"}),n("p",{children:"This page needs the whole link you were given (it ends with your token)."})]})}function Zt({session:e,token:t,onSubmitted:r,onExpired:i}){let o=[...e.interview.questions].sort((w,N)=>w.position-N.position),[s,c]=f(()=>Object.fromEntries(e.recordings.map(w=>[w.question.id,{uploads:1}]))),[u,p]=f(()=>{let w=o.findIndex(N=>!(N.id in s));return w===-1?o.length-1:w}),[l,m]=f(null),[_,a]=f(null),[d,y]=f(null),[S,g]=f(!1),v=bt(),h=async()=>{if(l)return l;a(null);try{let w=await St();return m(w),w}catch(w){return a(w instanceof O?w.message:String(w)),null}};A(()=>()=>l?.getTracks().forEach(w=>w.stop()),[l]);let R=o[u],D=o.filter(w=>w.id in s).length,C=async()=>{g(!0),y(null);try{let{submitSession:w}=await E(ut,{sessionId:e.id},t);w.__typename==="Session"?r():w.__typename==="Expired"?i():y(w.message)}catch(w){y(w.message)}finally{g(!1)}};return v?n(b,{children:[n("h1",{children:e.interview.title}),n("p",{children:[D," of ",o.length," answered."," ",e.interview.maxRetakes>0?`You may retake each answer ${e.interview.maxRetakes===1?"once":`${e.interview.maxRetakes} times`} after sending it.`:"Each answer can be sent once."]}),e.expiresAt&&n("p",{class:"deadline",children:["Deadline: send your answers by"," ",n("strong",{children:n("time",{dateTime:e.expiresAt,children:F(e.expiresAt)})})," ","(your local time)."]}),!l&&n("section",{class:"card","aria-labelledby":"mic-heading",children:[n("h2",{id:"mic-heading",children:"Microphone"}),n("p",{children:"Your browser will ask to use the microphone. Nothing is recorded until you press Record."}),n("button",{type:"button",onClick:h,children:"Allow microphone"}),n($,{message:_})]}),n(en,{question:R,number:u+1,total:o.length,answer:s[R.id],maxRetakes:e.interview.maxRetakes,sessionId:e.id,token:t,mimeType:v,microphone:l,allowMicrophone:h,onExpired:i,onUploaded:w=>c(N=>({...N,[R.id]:{uploads:(N[R.id]?.uploads??0)+1,sizeBytes:w}}))},R.id),n("nav",{class:"pager","aria-label":"Questions",children:[n("button",{type:"button",disabled:u===0,onClick:()=>p(u-1),children:"Previous question"}),u<o.length-1?n("button",{type:"button",disabled:!(R.id in s),onClick:()=>p(u+1),children:"Next question"}):n("button",{type:"button",class:"primary",disabled:D<o.length||S,onClick:C,children:S?"Submitting…":"Submit interview"})]}),n($,{message:d})]}):n(b,{children:[n("h1",{children:e.interview.title}),n($,{message:"This browser cannot record Opus audio. Please use a current Chrome, Edge or Firefox."})]})}function en(e){let{question:t,answer:r,maxRetakes:i}=e,[o,s]=f("idle"),[c,u]=f(null),[p,l]=f(null),[m,_]=f(0),[a,d]=f(0),[y,S]=f(""),[g,v]=f(null),h=V(null),R=V(0),D=t.timeLimitSeconds,C=r?i-(r.uploads-1):null,w=!r||(C??0)>0;A(()=>()=>{p&&URL.revokeObjectURL(p)},[p]);let N=async()=>{let T=h.current;if(!T)return;h.current=null;let Q=await T.stop();u(Q),l(URL.createObjectURL(Q.blob)),s("preview"),S(`Recorded ${H(Q.durationS)}. Listen, then send it or record again.`)};A(()=>{if(o!=="recording")return;let T=setInterval(()=>{let Q=(performance.now()-R.current)/1e3;_(Q),D!=null&&Q>=D&&N()},250);return()=>clearInterval(T)},[o]);let K=async()=>{v(null);let T=e.microphone??await e.allowMicrophone();T&&(h.current=new pe(T,e.mimeType,wt()),R.current=performance.now(),_(0),u(null),l(null),s("recording"),S("Recording…"))},Y=async()=>{if(!c)return;let T=Xt(),Q=c.mimeType.includes("ogg")?"ogg":"webm";s("uploading"),d(0),v(null);try{let{uploadRecording:q}=await ot(Ee=>(S(Ee===1?"Uploading…":`Upload failed; trying again (attempt ${Ee})…`),st(lt,{sessionId:e.sessionId,questionId:t.id,file:null,idempotencyKey:T},c.blob,`answer-${e.number}.${Q}`,e.token,d)));if(q.__typename==="Expired"){e.onExpired();return}if(q.__typename!=="Recording"){v(q.message),s("preview"),S("");return}e.onUploaded(q.sizeBytes),s("idle"),u(null),l(null),S(`Answer ${e.number} saved (${ce(q.sizeBytes)}).`)}catch(q){v(q instanceof U?q.message:`The upload failed: ${q.message}`),s("preview"),S("")}},M=D!=null?Math.max(0,D-m):null;return n("section",{class:"card question","aria-labelledby":`q-${t.id}`,children:[n(j,{level:2,children:n("span",{id:`q-${t.id}`,children:["Question ",e.number," of ",e.total]})}),n("p",{class:"question-text",children:t.text}),n("p",{class:"hint",children:[D!=null?`Time limit: ${H(D)}.`:"No time limit."," ",r?C&&C>0?`Answer sent; ${C} retake${C===1?"":"s"} left.`:"Answer sent; no retakes left.":"Not answered yet."]}),o==="recording"&&n("div",{class:"recording",children:[n("span",{class:"dot","aria-hidden":"true"}),n("span",{role:"timer","aria-live":"off",children:M!=null?`${H(M)} left`:H(m)}),n("button",{type:"button",class:"primary",onClick:N,children:"Stop recording"})]}),o==="idle"&&w&&n("button",{type:"button",class:"primary",onClick:K,children:r?"Retake answer":"Record answer"}),o==="preview"&&p&&n("div",{class:"preview",children:[n("audio",{controls:!0,src:p,"aria-label":`Your answer to question ${e.number}`}),n("div",{class:"actions",children:[n("button",{type:"button",class:"primary",onClick:Y,children:"Send answer"}),n("button",{type:"button",onClick:K,children:"Discard and record again"})]})]}),o==="uploading"&&n("div",{class:"upload",children:[n("label",{for:`progress-${t.id}`,children:"Upload progress"}),n("progress",{id:`progress-${t.id}`,max:1,value:a,children:[Math.round(a*100),"%"]})]}),n("p",{class:"status",role:"status",children:y}),n($,{message:g})]})}function xe(e,t,{done:r,onError:i,intervalMs:o=3e3}={}){let s,c=!1,u=async()=>{clearTimeout(s);try{let l=await e();if(c||(t(l),r?.(l)))return}catch(l){if(c)return;i?.(l)}let p=document.hidden?o*5:o;s=setTimeout(u,p)};return u(),{stop(){c=!0,clearTimeout(s)},refresh(){c||u()}}}var tn=[[1,"1 – poor"],[2,"2 – weak"],[3,"3 – fair"],[4,"4 – good"],[5,"5 – excellent"]],Re=[["ADVANCE","Advance"],["HOLD","Hold"],["REJECT","Reject"]];function xt(e){return Re.find(([t])=>t===e)?.[1]??e}function Ie({reviews:e,label:t}){if(e.length===0)return n("p",{class:"hint",children:"No reviews yet."});let r=[...e].sort((i,o)=>o.createdAt.localeCompare(i.createdAt));return n("ul",{class:"reviews","aria-label":t,children:r.map(i=>n("li",{children:[n("strong",{children:i.reviewer})," ",i.rating!=null&&n("span",{class:"rating",children:["rated ",i.rating," of 5"]}),i.decision!=null&&n("span",{class:`badge decision ${i.decision.toLowerCase()}`,children:xt(i.decision)})," ",n("time",{class:"hint",dateTime:i.createdAt,children:F(i.createdAt)}),i.comment&&n("p",{class:"comment",children:i.comment})]},i.id))})}function Rt({summary:e}){let t=new Map(e?.decisions.map(r=>[r.decision,r.count])??[]);return n("dl",{class:"facts","aria-label":"Review summary",children:[n("dt",{children:"Average rating"}),n("dd",{children:e?.averageRating!=null?`${e.averageRating.toFixed(1)} of 5`:"not rated yet"}),n("dt",{children:"Decisions"}),n("dd",{children:Re.map(([r,i])=>`${i} ${t.get(r)??0}`).join(" · ")})]})}function It(){let[e,t]=f(!1),[r,i]=f(null),[o,s]=f("");return{busy:e,error:r,status:o,run:async(u,p)=>{t(!0),i(null),s("");try{let l=await u();return l.__typename==="Review"?s(p):i(l.message??"The review was not saved."),l.__typename==="Review"}catch(l){return i(l.message),!1}finally{t(!1)}}}}function Tt({recordingId:e,number:t,apiKey:r,onSaved:i}){let[o,s]=f(null),[c,u]=f(""),[p,l]=f(null),m=It(),_=`rate-${e}`;return n("form",{class:"review-form",onSubmit:async d=>{if(d.preventDefault(),o==null){l("Choose a rating from 1 to 5 first.");return}l(null),await m.run(async()=>{let{reviewRecording:S}=await E(mt,{recordingId:e,rating:o,comment:c.trim()||null},r);return S},`Your rating of answer ${t} is saved.`)&&i()},"aria-labelledby":`${_}-title`,children:[n("h4",{id:`${_}-title`,children:"Your rating"}),n("fieldset",{class:"choices",children:[n("legend",{children:["Rating of answer ",t]}),tn.map(([d,y])=>n("label",{class:"choice",children:[n("input",{type:"radio",name:`${_}-rating`,value:d,checked:o===d,onChange:()=>s(d)}),y]},d))]}),n("label",{for:`${_}-comment`,children:["Comment on answer ",t," (optional)"]}),n("textarea",{id:`${_}-comment`,rows:2,value:c,onInput:d=>u(d.currentTarget.value)}),n("div",{class:"actions",children:n("button",{type:"submit",disabled:m.busy,children:m.busy?"Saving…":`Save rating of answer ${t}`})}),n("p",{class:"status",role:"status",children:m.status}),n($,{message:p??m.error})]})}function At({sessionId:e,apiKey:t,onSaved:r}){let[i,o]=f(null),[s,c]=f(""),[u,p]=f(null),l=It();return n("form",{class:"review-form",onSubmit:async _=>{if(_.preventDefault(),i==null){p("Choose Advance, Hold or Reject first.");return}p(null),await l.run(async()=>{let{reviewSession:d}=await E(_t,{sessionId:e,decision:i,comment:s.trim()||null},t);return d},`Your decision (${xt(i)}) is saved.`)&&r()},"aria-labelledby":"decide-title",children:[n("h3",{id:"decide-title",children:"Your decision"}),n("fieldset",{class:"choices",children:[n("legend",{children:"Decision on this session"}),Re.map(([_,a])=>n("label",{class:"choice",children:[n("input",{type:"radio",name:"session-decision",value:_,checked:i===_,onChange:()=>o(_)}),a]},_))]}),n("label",{for:"decide-comment",children:"Comment on the session (optional)"}),n("textarea",{id:"decide-comment",rows:3,value:s,onInput:_=>c(_.currentTarget.value)}),n("div",{class:"actions",children:n("button",{type:"submit",class:"primary",disabled:l.busy,children:l.busy?"Saving…":"Save decision"})}),n("p",{class:"status",role:"status",children:l.status}),n($,{message:u??l.error})]})}var Te="debrief.apiKey",Et=new Set(["COMPLETE","FAILED","EXPIRED"]);function Dt(){let[e,t]=f(()=>sessionStorage.getItem(Te));if(!e)return n(nn,{onKey:c=>{sessionStorage.setItem(Te,c),t(c)}});let r=new URLSearchParams(location.search),i=r.get("interview"),o=r.get("session");return n(b,{children:[n("div",{class:"toolbar",children:n("button",{type:"button",onClick:()=>{sessionStorage.removeItem(Te),t(null)},children:"Forget API key"})}),o?n(on,{apiKey:e,sessionId:o}):i?n(sn,{apiKey:e,interviewKey:i}):n(rn,{apiKey:e})]})}function nn({onKey:e}){let[t,r]=f("");return n(b,{children:[n("h1",{children:"Review interviews"}),n("form",{class:"stack",onSubmit:i=>{i.preventDefault(),t.trim()&&e(t.trim())},children:[n("label",{for:"api-key",children:"Interviewer API key"}),n("input",{id:"api-key",type:"password",autocomplete:"off",value:t,required:!0,"aria-describedby":"api-key-hint",onInput:i=>r(i.currentTarget.value)}),n("p",{id:"api-key-hint",class:"hint",children:"Starts with dbk_. Kept in this tab only (sessionStorage) until you close it."}),n("button",{type:"submit",children:"Continue"})]})]})}function Ae(e,t){return`${e} ${t}${e===1?"":"s"}`}function rn({apiKey:e}){let[t,r]=f(null),[i,o]=f(null),[s,c]=f("");return A(()=>{E(yt,{first:100},e).then(u=>r(u.interviews)).catch(u=>o(u.message))},[e]),n(b,{children:[n("h1",{children:"Interviews"}),t===null?n("p",{"aria-busy":"true",children:i?"":"Loading interviews…"}):t.length===0?n("p",{children:"No interviews are visible with this API key yet."}):n("ul",{class:"interviews",children:t.map(u=>n("li",{children:[n("a",{href:`/review?interview=${encodeURIComponent(u.key)}`,children:u.title})," ",n("span",{class:"hint",children:[u.key," · ",Ae(u.questions.length,"question"),u.public?" · public":""]})]},u.key))}),n("form",{class:"inline",onSubmit:u=>{u.preventDefault(),s.trim()&&location.assign(`/review?interview=${encodeURIComponent(s.trim())}`)},children:[n("label",{for:"review-interview-key",children:"Interview key"}),n("input",{id:"review-interview-key",value:s,required:!0,onInput:u=>c(u.currentTarget.value)}),n("button",{type:"submit",children:"Show sessions"})]}),n($,{message:i})]})}function sn({apiKey:e,interviewKey:t}){let[r,i]=f(void 0),[o,s]=f(null);if(A(()=>{let u=xe(()=>E(pt,{key:t,first:50,after:null},e),p=>{i(p.interview),s(null)},{done:p=>p.interview===null,onError:p=>s(p.message)});return()=>u.stop()},[t,e]),r===void 0)return n("p",{"aria-busy":"true",children:o??"Loading sessions…"});if(r===null)return n(b,{children:[n("h1",{children:"Interview not found"}),n("p",{children:["No interview “",t,"” is visible with this API key. ",n("a",{href:"/review",children:"Choose another"}),"."]})]});let c=r.sessions.nodes;return n(b,{children:[n("nav",{"aria-label":"Breadcrumb",children:[n("a",{href:"/review",children:"Interviews"})," › ",r.key]}),n("h1",{children:r.title}),n("p",{children:[Ae(r.questions.length,"question")," · ",Ae(c.length,"session")," · status updates live"]}),c.length===0?n("p",{children:"No sessions yet."}):n("table",{children:[n("caption",{children:["Sessions of ",r.title]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Candidate"}),n("th",{scope:"col",children:"Status"}),n("th",{scope:"col",children:"Started"}),n("th",{scope:"col",children:"Submitted"})]})}),n("tbody",{children:c.map(u=>n("tr",{children:[n("td",{children:n("a",{href:`/review?interview=${encodeURIComponent(r.key)}&session=${encodeURIComponent(u.id)}`,children:u.candidateName??"Unnamed candidate"})}),n("td",{children:n("span",{class:`badge ${u.status.toLowerCase()}`,children:de(u.status)})}),n("td",{children:F(u.createdAt)}),n("td",{children:F(u.submittedAt)})]},u.id))})]}),n($,{message:o})]})}function on({apiKey:e,sessionId:t}){let[r,i]=f(void 0),[o,s]=f(void 0),[c,u]=f(null);A(()=>{let a=xe(()=>E(ke,{id:t},e),d=>{i(d.session),u(null)},{done:d=>d.session===null||Et.has(d.session.status),onError:d=>u(d.message)});return()=>a.stop()},[t,e]);let p=()=>{E(ke,{id:t},e).then(a=>{i(a.session),u(null)}).catch(a=>u(a.message))},l=r?Et.has(r.status):!1,m=r?.interview.key;if(A(()=>{m&&E(ft,{interviewKey:m},e).then(a=>s(a.costReport.sessionCosts.find(d=>d.sessionId===t)?.costUsd??0)).catch(()=>s(null))},[m,l]),r===void 0)return n("p",{"aria-busy":"true",children:c??"Loading the session…"});if(r===null)return n(b,{children:[n("h1",{children:"Session not found"}),n("p",{children:["No such session is visible with this API key. ",n("a",{href:"/review",children:"Back to interviews"}),"."]})]});let _=[...r.recordings].sort((a,d)=>a.question.position-d.question.position);return n(b,{children:[n("nav",{"aria-label":"Breadcrumb",children:[n("a",{href:"/review",children:"Interviews"})," ›"," ",n("a",{href:`/review?interview=${encodeURIComponent(r.interview.key)}`,children:r.interview.title})," ›"," ",r.candidateName??"Unnamed candidate"]}),n(j,{children:r.candidateName??"Unnamed candidate"}),n("dl",{class:"facts",children:[n("dt",{children:"Status"}),n("dd",{"aria-live":"polite",children:n("span",{class:`badge ${r.status.toLowerCase()}`,children:de(r.status)})}),n("dt",{children:"Submitted"}),n("dd",{children:F(r.submittedAt)}),n("dt",{children:"Deadline"}),n("dd",{children:r.expiresAt?F(r.expiresAt):"none"}),n("dt",{children:"Measured cost"}),n("dd",{children:o===void 0?"…":o===null?"unavailable":`$${o.toFixed(4)}`})]}),r.failureReason&&n($,{message:r.failureReason}),r.analysis&&n("section",{class:"card","aria-labelledby":"overall",children:[n("h2",{id:"overall",children:"Overall analysis"}),n("p",{children:[r.analysis.score!=null&&n("strong",{children:["Score ",r.analysis.score.toFixed(1),". "]}),r.analysis.recommendation&&n(b,{children:["Recommendation: ",r.analysis.recommendation,". "]}),r.analysis.summary]}),n("p",{class:"hint",children:["By ",r.analysis.provider,r.analysis.model?` (${r.analysis.model})`:"","."]})]}),n("p",{class:"hint",children:"Audio is fetched only when you press Play: each press asks the server for one short-lived signed link. Everything else on this page comes from the database."}),_.map(a=>n(an,{answer:a,apiKey:e,onReviewed:p},a.id)),n("section",{class:"card","aria-labelledby":"session-review",children:[n("h2",{id:"session-review",children:"Review of the session"}),n(Rt,{summary:r.reviewSummary}),n("h3",{children:"Decisions"}),n(Ie,{reviews:r.reviews,label:"Decisions on this session"}),n(At,{sessionId:r.id,apiKey:e,onSaved:p})]}),n($,{message:c})]})}function an({answer:e,apiKey:t,onReviewed:r}){let i=V(null),[o,s]=f(null),[c,u]=f(null),[p,l]=f(!1),m=V(null),_=e.question.position,a=async()=>{if(o)return!0;l(!0);try{let{recording:g}=await E(gt,{id:e.id},t),v=g?.downloadUrl;return v?.__typename==="DownloadUrl"?(s(v.url),!0):(u(v?.__typename==="ArchivedRecording"?`This answer is archived (${v.storageClass}, restore ${v.restoreStatus}).`:"The recording is no longer available."),!1)}catch(g){return u(g.message),!1}finally{l(!1)}};A(()=>{let g=i.current;!o||!g||(m.current!=null&&(g.currentTime=m.current),m.current=null,g.play().catch(()=>{}),g.focus())},[o]);let d=()=>{a()},y=async g=>{if(!o){m.current=g,await a();return}let v=i.current;v&&(v.currentTime=g,v.play().catch(()=>{}))},S=e.analysis?.metrics;return n("section",{class:"card answer","aria-labelledby":`answer-${e.id}`,children:[n("h2",{id:`answer-${e.id}`,children:["Question ",_,": ",e.question.text]}),n("p",{class:"hint",children:[de(e.status)," · ",H(e.durationSeconds)," · ",ce(e.sizeBytes)," ",e.codec]}),o?n("audio",{ref:i,controls:!0,src:o,"aria-label":`Answer to question ${_}`}):n("button",{type:"button",onClick:d,disabled:p,children:p?"Fetching audio…":`Play answer ${_}`}),c&&n("p",{role:"status",children:c}),e.transcript?n("div",{class:"transcript",children:[n("h3",{children:"Transcript"}),n("ol",{class:"segments","aria-label":`Transcript of answer ${_}; press a line to hear it`,children:e.transcript.segments.map((g,v)=>n("li",{children:n("button",{type:"button",class:"segment",onClick:()=>{y(g.start)},children:[n("span",{class:"time",children:H(g.start)})," ",g.text.trim()]})},v))}),n("p",{class:"hint",children:["By ",e.transcript.provider," (",e.transcript.model,")."]})]}):n("p",{class:"hint",children:["Transcript: ",e.status==="FAILED"?"failed":"pending…"]}),S&&n("dl",{class:"metrics","aria-label":`Speech metrics of answer ${_}`,children:[n("dt",{children:"Words per minute"}),n("dd",{children:S.wordsPerMinute.toFixed(0)}),n("dt",{children:"Filler rate"}),n("dd",{children:[(S.fillerRate*100).toFixed(1),"%"]}),n("dt",{children:"Speech"}),n("dd",{children:H(S.speechSeconds)}),n("dt",{children:"Words"}),n("dd",{children:S.wordCount})]}),e.analysis?.summary&&n("div",{class:"analysis",children:[n("h3",{children:"Analysis"}),n("p",{children:[e.analysis.score!=null&&n("strong",{children:["Score ",e.analysis.score.toFixed(1),". "]}),e.analysis.summary]}),e.analysis.strengths.length>0&&n(b,{children:[n("h4",{children:"Strengths"}),n("ul",{children:e.analysis.strengths.map(g=>n("li",{children:g},g))})]}),e.analysis.concerns.length>0&&n(b,{children:[n("h4",{children:"Concerns"}),n("ul",{children:e.analysis.concerns.map(g=>n("li",{children:g},g))})]})]}),n("div",{class:"review",children:[n("h3",{children:"Reviews"}),n(Ie,{reviews:e.reviews,label:`Reviews of answer ${_}`}),n(Tt,{recordingId:e.id,number:_,apiKey:t,onSaved:r})]})]})}function ln(e){let t=/^\/interview\/([^/]+)\/?$/.exec(e);return t?n(ht,{interviewKey:decodeURIComponent(t[1])}):e==="/record"?n(kt,{}):e==="/review"?n(Dt,{}):n(rt,{})}var Ct=document.getElementById("app");Ct&&Ke(n(vt,{children:ln(location.pathname)}),Ct);
