// The encoder's linear layers for one 13-token question (the four products of a layer, 6 layers of
// distinct weights: 21 MB, as in the encoder) through the half panels' AVX2 kernel, AVX-512
// tiles on the same half panels, and int16 tiles on AVX-512 VNNI (vpdpwssd), for
// docs/performance.md ("int16 panels on AVX-512 VNNI"). Random weights; CPU time of one thread,
// mean of 40 passes, three rounds. The tiles are MR tokens times NP panels of 16 rows.
//
//   clang -O2 -I Sources/CEncoderKernels/include -o /tmp/int16_panels \
//       Benchmarks/experiments/int16_panels.c -lm && taskset -c 1 /tmp/int16_panels
#include "../../Sources/CEncoderKernels/EncoderKernels.c"
#include <stdlib.h>
#include <stdio.h>
#include <time.h>
static double cpu(void){struct timespec t;clock_gettime(CLOCK_THREAD_CPUTIME_ID,&t);return t.tv_sec*1e3+t.tv_nsec*1e-6;}
#define T512(MR,NP) __attribute__((target("avx512f,avx512bw,avx512vl,fma,f16c"))) static void t512_##MR##_##NP( \
  const float *x, size_t columns, const uint16_t *p, const float *bias, float *y, size_t ldy){ \
  __m512 a[NP][MR]; for(int q=0;q<NP;q++)for(int t=0;t<MR;t++){a[q][t]=_mm512_setzero_ps();} \
  for(size_t c=0;c<columns;c++){ __m512 w[NP]; for(int q=0;q<NP;q++) w[q]=_mm512_cvtph_ps(_mm256_load_si256((const __m256i*)(p+q*16*columns+c*16))); \
    for(int t=0;t<MR;t++){ __m512 in=_mm512_set1_ps(x[t*columns+c]); for(int q=0;q<NP;q++) a[q][t]=_mm512_fmadd_ps(in,w[q],a[q][t]);} } \
  for(int q=0;q<NP;q++){ __m512 b0=_mm512_loadu_ps(bias+16*q); for(int t=0;t<MR;t++) _mm512_storeu_ps(y+t*ldy+16*q,_mm512_add_ps(a[q][t],b0));} }
#define TI16(MR,NP) __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni"))) static void ti16_##MR##_##NP( \
  const int16_t *x, size_t columns, const int16_t *p, const float *bias, float *y, size_t ldy){ \
  __m512 f[NP][MR]; for(int q=0;q<NP;q++)for(int t=0;t<MR;t++){f[q][t]=_mm512_setzero_ps();} \
  for(size_t c0=0;c0<columns;c0+=32){ __m512i a[NP][MR]; for(int q=0;q<NP;q++)for(int t=0;t<MR;t++){a[q][t]=_mm512_setzero_si512();} \
   for(size_t c=c0;c<c0+32;c+=2){ __m512i w[NP]; for(int q=0;q<NP;q++) w[q]=_mm512_load_si512((const void*)(p+q*16*columns+c*16)); \
    for(int t=0;t<MR;t++){ __m512i in=_mm512_set1_epi32(*(const int32_t*)(x+t*columns+c)); for(int q=0;q<NP;q++) a[q][t]=_mm512_dpwssd_epi32(a[q][t],in,w[q]);} } \
   for(int q=0;q<NP;q++)for(int t=0;t<MR;t++){f[q][t]=_mm512_add_ps(f[q][t],_mm512_cvtepi32_ps(a[q][t]));} } \
  for(int q=0;q<NP;q++){ __m512 b0=_mm512_loadu_ps(bias+16*q); for(int t=0;t<MR;t++) _mm512_storeu_ps(y+t*ldy+16*q,_mm512_add_ps(f[q][t],b0));} }
T512(13,1) T512(7,2) T512(6,2) T512(5,3) T512(4,4) T512(3,6)
TI16(13,1) TI16(7,2) TI16(5,2) TI16(4,3) TI16(3,4)
typedef void (*KF)(const float*,size_t,const uint16_t*,const float*,float*,size_t);
typedef void (*KI)(const int16_t*,size_t,const int16_t*,const float*,float*,size_t);
static void linF(KF k,int MR,int NP,const float*x,size_t tokens,size_t columns,const uint16_t*P,const float*bias,size_t rows,float*y){
  size_t count=rows/16; for(size_t p=0;p+NP<=count;p+=NP) for(size_t t0=0;t0<tokens;t0+=MR) k(x+t0*columns,columns,P+p*16*columns,bias+p*16,y+t0*rows+p*16,rows);}
static void linI(KI k,int MR,int NP,const int16_t*x,size_t tokens,size_t columns,const int16_t*P,const float*bias,size_t rows,float*y){
  size_t count=rows/16; for(size_t p=0;p+NP<=count;p+=NP) for(size_t t0=0;t0<tokens;t0+=MR) k(x+t0*columns,columns,P+p*16*columns,bias+p*16,y+t0*rows+p*16,rows);}
int main(){
  size_t shapes[4][2]={{1152,384},{384,384},{1536,384},{384,1536}};
  uint16_t *P[24]; int16_t *Q[24]; float *bias=calloc(2000,4);
  for(int s=0;s<24;s++){size_t r=shapes[s%4][0],c=shapes[s%4][1]; uint16_t*w=malloc(r*c*2); for(size_t i=0;i<r*c;i++) w[i]=0x2000+(rand()&0x1fff);
    P[s]=aligned_alloc(64,faqbot_f16_panels_count(r,c)*2+4096); faqbot_f16_pack_panels(w,r,c,P[s]);
    Q[s]=aligned_alloc(64,r*c*2+4096); for(size_t i=0;i<r*c;i++) Q[s][i]=(rand()%8000)-4000; }
  float *x=aligned_alloc(64,16*1536*4), *y=aligned_alloc(64,16*1536*4); int16_t*xi=aligned_alloc(64,16*1536*2);
  for(int i=0;i<16*1536;i++){x[i]=(rand()%100)/100.0f; xi[i]=rand()%8000-4000;}
  struct {const char*n;KF f;int mr,np;} F[]={{"f13x1",t512_13_1,13,1},{"f7x2",t512_7_2,7,2},{"f6x2",t512_6_2,6,2},{"f5x3",t512_5_3,5,3},{"f4x4",t512_4_4,4,4},{"f3x6",t512_3_6,3,6}};
  struct {const char*n;KI f;int mr,np;} I[]={{"i13x1",ti16_13_1,13,1},{"i7x2",ti16_7_2,7,2},{"i5x2",ti16_5_2,5,2},{"i4x3",ti16_4_3,4,3},{"i3x4",ti16_3_4,3,4}};
  int N=40; size_t tok=13;
  for(int round=0;round<3;round++){
   double t0=cpu(); for(int n=0;n<N;n++)for(int l=0;l<6;l++)for(int s=0;s<4;s++) faqbot_f16_panel_linear(x,tok,shapes[s][1],P[l*4+s],bias,shapes[s][0],y); printf("avx2 %.2f ",(cpu()-t0)/N);
   for(int k=0;k<6;k++){t0=cpu(); for(int n=0;n<N;n++)for(int l=0;l<6;l++)for(int s=0;s<4;s++) linF(F[k].f,F[k].mr,F[k].np,x,tok,shapes[s][1],P[l*4+s],bias,shapes[s][0],y); printf("%s %.2f ",F[k].n,(cpu()-t0)/N);}
   for(int k=0;k<5;k++){t0=cpu(); for(int n=0;n<N;n++)for(int l=0;l<6;l++)for(int s=0;s<4;s++) linI(I[k].f,I[k].mr,I[k].np,xi,tok,shapes[s][1],Q[l*4+s],bias,shapes[s][0],y); printf("%s %.2f ",I[k].n,(cpu()-t0)/N);}
   printf("\n");}
}
